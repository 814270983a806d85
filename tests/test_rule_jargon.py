"""undefined-jargon: hard terms at first use, unless explained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import lint

from readlint import nearby
from readlint.checks import undefined_jargon
from readlint.config import Config
from readlint.explanations import explained as explained_in

# Every term the rule finds: these tests check what it finds and says. The rule sets' floor on
# the readers' model (`min_confidence`, which hides some terms in running prose) is tested apart.
EVERY_TERM = {"min_confidence": 0.0}
ALL_TERMS = Config(raw_rules={"undefined-jargon": {**EVERY_TERM, "skip_glossary_terms": False}})
NO_GLOSSARY_TERMS = Config(raw_rules={"undefined-jargon": {**EVERY_TERM,
                                                           "skip_glossary_terms": True}})
RULE_SET_OPTIONS = Config(raw_rules={"undefined-jargon": EVERY_TERM})


def flagged(text: str, config: Config | None = ALL_TERMS, audience: str = "patient"):
    """(term, line, column) of each problem; `config` None: the rule set's own options (glossary
    terms left to glossary-link), every term shown."""
    return [(p.subject, p.line, p.column)
            for p in lint(text, select="undefined-jargon", config=config or RULE_SET_OPTIONS,
                          audience=audience)]


def messages(text: str) -> dict[str, str]:
    """Each term undefined-jargon reports on the text, with its message (the patient rule
    set's own options, glossary terms left to glossary-link; every term it finds)."""
    return {p.subject: p.message
            for p in lint(text, select="undefined-jargon", config=RULE_SET_OPTIONS)}


@pytest.mark.parametrize("text, expected", [
    ("Your doctor may suggest a nephrectomy.", [("nephrectomy", 1, 27)]),
    ("The biopsy showed leukocytosis.", [("leukocytosis", 1, 19)]),  # "biopsy" is common
    ("Your HER2 test came back.", [("HER2", 1, 6)]),
    ("The T-DM1 results.", [("T-DM1", 1, 5)]),
    ("Tell Dr. Blackwell about Genentech.", []),  # names
    ("We went home and had dinner.", []),
    ("The numbness faded.", []),  # "numb" is an everyday word
    # MedlinePlus pages end with the institute's name keyed to its abbreviation
    ("Treatments for acne include medicines and creams. NIH: National Institute of Arthritis "
     "and Musculoskeletal and Skin Diseases", []),
    ("- Abnormality of the heart\n- Asymmetry of the face", []),  # everyday words
    ("The drug gets into RNA and DNA.", []),  # everyday abbreviations
    # "-ogram", the picture of a test, is built the medical way; "diagram" is not
    ("View a diagram of the foot.", []),
    ("Take one kilogram of it.", []),
    ("She needs an angiogram.", [("angiogram", 1, 14)]),
])
def test_hard_terms(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize("text", [
    "The prognosis (chance of recovery) is good.",
    "A drop in blood cell levels (thrombocytopenia) can happen.",
    "This is called a nephrectomy.",
    "A nephrectomy is an operation to remove a kidney.",
    "Nephrectomy means taking out a kidney.",
    "The nephrectomy, which removes a kidney, is done.",
    "They did a nephrectomy, a kidney operation.",
    "Women got the targeted drug lapatinib.",
    "The American Society of Clinical Oncology (ASCO) met.",
    "The ASCO (American Society of Clinical Oncology) met.",
    "Read about [leukocytosis](https://example.org/leukocytosis).",
    "- Refractory: the cancer did not get better with treatment.",
    # explained after the rest of the name the term begins
    "The disease harms the myelin sheath, the covering that protects nerve cells.",
    "It is a form of endogenous Cushing syndrome, which describes cases caused inside the body.",
    "They have abnormal patterns of movement described as chorea.",
    # the term's adjective after the term was explained
    "Urine leaves through the urethra, a tube at the bottom of the bladder. A urethral "
    "stricture narrows it.",
    # named among examples of a kind
    "They got standard therapy with methotrexate, docetaxel, or cetuximab.",
    "The organs in the female reproductive system include the uterus, ovaries and fallopian "
    "tubes.",
    "The board has experts in the fields of oncology, pharmacology, and homeopathy.",
    "It holds the chemotherapy drugs vincristine, doxorubicin (Adriamycin), and methotrexate.",
    # a drug named by what it does or how it is given
    "Tucatinib improved survival for women in the trial.",
    "A trial shows that giving patients pembrolizumab after surgery helps.",
    # ... after a comma or in brackets
    "It can harm reproductive organs (such as your cervix, uterus, vagina, and vulva).",
    "The usual therapy (e.g., prednisone) has been used.",
    "It can involve nearly any other organ (e.g., eyes, larynx, thyroid).",
    "An NCI medical oncologist explains the study.",
    # the next sentence, in brackets, explains the term with the word after it
    "The child may need an endotracheal tube. (An endotracheal tube is a breathing tube put "
    "through the mouth.)",
    # another name right after it
    "He needs a percutaneous coronary intervention (PCI), also known as coronary angioplasty.",
    "She had a thrombectomy, commonly known as clot removal.",
    # ... and in quotation marks
    "It may find slow-growing, harmless lung tumors (“overdiagnosis”).",
    "It forms woodlike ('ligneous') lesions.",
    # the term in brackets after the plain words it names, with its verb
    "It helps protect cells from self-destructing (undergoing apoptosis).",
    # what kind of thing it is, with words before the kind
    "It targets a different checkpoint molecule, CTLA-4, on T cells.",
])
def test_explained_terms_are_not_reported(text):
    assert flagged(text) == []


def test_a_common_term_named_among_examples_of_its_kind_is_not_reported():
    # the rare names and the common one alike: all four are disorders of the blood
    assert flagged("It causes disorders of the blood such as neutropenia, leukopenia, anemia, "
                   "and thrombocytopenia.") == []
    assert [t for t, *_ in flagged("It causes anemia.")] == ["anemia"]


def test_a_term_the_rest_of_its_paragraph_names_after_saying_what_it_is_is_explained():
    text = ("Blood flows to the dialyzer to be cleaned. The machine draws your blood into a "
            "tube. The tube takes the blood to a filter, called a dialyzer.\n")
    assert flagged(text) == []
    assert [t for t, _, _ in flagged("Blood flows to the dialyzer to be cleaned. It cleans "
                                     "the blood.\n")] == ["dialyzer"]


def test_a_regimen_named_by_its_letters_and_a_term_said_to_be_characterized_by_something():
    # "CHOP chemotherapy" says what CHOP is; "Your HER2 test" does not say what HER2 is
    assert flagged("Doctors add it to CHOP chemotherapy.\n") == []
    assert [t for t, *_ in flagged("Your HER2 test came back.\n")] == ["HER2"]
    # "is characterized by" says what it is like
    assert flagged("She has a marfanoid habitus, which is characterized by long, slender "
                   "fingers.\n") == []
    assert [t for t, *_ in flagged("She has a marfanoid habitus.\n")] == ["marfanoid habitus"]
    # as the subject its sentence opens with, not a word inside the subject
    assert flagged("Erythema multiforme is characterized by red rings on the skin.\n") == []
    assert [t for t, *_ in flagged("The pain of pancreatitis is characterized by a deep ache "
                                   "in the belly.\n")] == ["pancreatitis"]


def test_the_examples_a_sentence_gives_of_what_it_named_are_of_that_kind():
    # "Examples of vasodilators are ...": the names are vasodilators
    assert [t for t, *_ in flagged("Vasodilators widen your blood vessels. Examples of "
                                   "vasodilators are isosorbide dinitrate and hydralazine.")] \
        == ["Vasodilators"]
    assert flagged("Some infections can do this. Two examples are leptospirosis and "
                   "brucellosis.") == []
    # not a word the example goes on to describe, nor "for example" before a sentence
    assert [t for t, *_ in flagged("Examples include the rare disease cystinosis, in which "
                                   "cystine crystals are deposited in bone.")] == ["cystine"]
    assert [t for t, *_ in flagged("For example, leptospirosis may cause it.")] == \
        ["leptospirosis"]
    # nor examples of signs, symptoms or side effects: a role, not a kind
    assert [t for t, *_ in flagged("Examples of side effects are nausea, hyperkalemia and "
                                   "rhabdomyolysis.")] == ["hyperkalemia", "rhabdomyolysis"]
    assert [t for t, *_ in flagged("Your child may show some signs of this. Examples are "
                                   "tiredness, hypotonia and ataxia.")] == ["hypotonia", "ataxia"]


def test_a_name_called_after_a_list_names_the_whole_not_its_last_word():
    # "called" or "known as" alone after a comma names what the phrase is: not an
    # explanation of the word before it
    assert [t for t, *_ in flagged("They have high cholesterol and triglycerides, called "
                                   "hyperlipidemia.")] == ["triglycerides"]
    assert [t for t, *_ in flagged("They have high cholesterol and triglycerides, known as "
                                   "hyperlipidemia.")] == ["triglycerides"]


def test_the_verb_of_a_greek_noun_and_a_plural_before_its_singular_are_the_same_term():
    # "metastasize", "metastasis" and "metastatic" are one term: met once, reported once
    assert flagged("It can spread (metastasize) to the bones. Metastasis is common.") == []
    assert [t for t, *_ in flagged("The cancer may metastasize. Metastatic tumors grow. "
                                   "Metastasis is common.")] == ["metastasize"]
    # "helicase" and "helicases" (folded "helicas"), in either order
    assert [t for t, *_ in flagged("It makes helicases. A helicase unwinds DNA.")] == \
        ["helicases"]
    assert [t for t, *_ in flagged("It makes a helicase. Helicases unwind DNA.")] == \
        ["helicase"]


def test_a_next_sentence_saying_what_happens_in_the_term_explains_it():
    text = ("The two most common defects are spina bifida and anencephaly. In anencephaly, "
            "most of the brain and skull do not develop.")
    assert [t for t, *_ in flagged(text)] == ["spina bifida"]
    # only the same term: "In 2010, ..." says nothing of it
    assert [t for t, *_ in flagged("It is rare in hepatoblastoma. In 2010, the drug came.")] == \
        ["hepatoblastoma"]


def test_a_kind_after_of_or_before_that_names_no_example():
    # the phrase is about signs or what a treatment does, not about the kind
    assert [t for t, *_ in flagged("Other features of infection, such as fever and "
                                   "stomatitis, are rare.")] == ["stomatitis"]
    assert [t for t, *_ in flagged("Other features of the infection, such as fever and "
                                   "stomatitis, are rare.")] == ["stomatitis"]
    assert [t for t, *_ in flagged("A treatment that impedes intake, e.g., mucositis, is "
                                   "hard.")] == ["mucositis"]
    assert [t for t, *_ in flagged("Signs of kidney disease, such as fever and proteinuria, "
                                   "appear.")] == ["proteinuria"]
    # ("of" after another word is no sign's: the kind is what the phrase is about)
    assert flagged("The presence of regional disease, including microsatellites, counts.") == []
    assert [t for t, *_ in flagged("Infection causes symptoms (such as fever and "
                                   "stomatitis).")] == ["stomatitis"]


def test_a_term_inside_the_long_form_of_an_abbreviation_is_reported_as_the_long_form():
    # the reader meets the name as one: its initials are the abbreviation's letters, with
    # or without "of", and the words of it reported once
    assert [t for t, *_ in flagged("It lowers major histocompatibility complex (MHC) "
                                   "levels.")] == ["major histocompatibility complex"]
    assert [t for t, *_ in flagged("Most are mucosa-associated lymphoid tissue (MALT) "
                                   "lymphomas.")] == ["mucosa-associated lymphoid tissue"]
    assert [t for t, *_ in flagged("Loss of heterozygosity (LOH) was seen.")] == \
        ["Loss of heterozygosity"]
    # not names listed before a short form, a half-linked name, nor other letters
    assert [t for t, *_ in flagged("They got vincristine and irinotecan (VI).")] == \
        ["vincristine", "irinotecan"]
    assert [t for t, *_ in flagged("It is in the runt-homology [domain](https://example.org/d)"
                                   " (RHD).")] == ["runt-homology"]
    assert [t for t, *_ in flagged("It binds major histocompatibility complex (MHX) "
                                   "proteins.")] == ["histocompatibility"]
    # reported once: the same long form again is met
    twice = "The term retinal vasculopathy with cerebral leukodystrophy (RVCL) is new. " * 2
    assert [t for t, *_ in flagged(twice)] == \
        ["retinal vasculopathy with cerebral leukodystrophy"]
    # the long form is explained, or given its kind, as a whole
    assert flagged("It binds major histocompatibility complex (MHC) proteins.") == []
    assert flagged("It works in the rare blood cancer blastic plasmacytoid dendritic cell "
                   "neoplasm (BPDCN).") == []


def test_a_name_after_the_term_is_not_an_explanation_unless_one_follows():
    # the rest of the name, then a verb or a list, explains nothing
    assert [t for t, *_ in flagged("The myelin sheath wears away, and nerves fail.")] == \
        ["myelin"]
    assert [t for t, *_ in flagged("Signs: Pes cavus - Pes planus - Steppage gait.")] == \
        ["Pes cavus", "Pes planus"]


def test_the_next_sentence_points_back_only_at_a_term_of_its_number():
    # "These" can mean the engagers; "It" is the drug, not the microtubules
    assert flagged("The drugs are bispecific T-cell engagers. These drugs attach to immune "
                   "cells.") == []
    assert [t for t, *_ in flagged("Taxanes are drugs. Taxanes interfere with microtubules. "
                                   "It blocks cell growth.")] == ["microtubules"]
    # "ascites" is one thing, not a plural
    assert flagged("You may get ascites. It causes swelling of the belly.") == []
    # the same when the next sentence says what it is
    assert [t for t, *_ in flagged("Taxanes are drugs. Taxanes interfere with microtubules. "
                                   "It is a drug that blocks cell growth.")] == ["microtubules"]
    assert flagged("You may have a cholecystectomy. It is an operation to take out the "
                   "gallbladder.") == []



def test_a_glossary_word_is_reported_with_the_adjectives_of_its_name():
    assert flagged("Signs: Ataxia - Hepatic encephalopathy - Hepatomegaly") == \
        [("Ataxia", 1, 8), ("Hepatic encephalopathy", 1, 17), ("Hepatomegaly", 1, 42)]
    assert flagged("It has motor axonal neuropathy and more.") == [("axonal neuropathy", 1, 14)]
    # not an everyday adjective, nor one that says when or why
    assert flagged("It has chronic hemolytic anemia.") == [("hemolytic anemia", 1, 16)]
    assert [t for t, *_ in flagged("She had asymptomatic neuropathy.")] == \
        ["asymptomatic", "neuropathy"]  # (each hard on its own)
    # nor a linked word
    assert flagged("It needs a [biliary](https://example.org/biliary) stent.") == \
        [("stent", 1, 51)]
    assert flagged('It needs a <a href="https://example.org/b">biliary</a> stent.') == \
        [("stent", 1, 56)]
    # nor a word reported just before it
    assert flagged("She had cutaneous lipoma.") == [("cutaneous", 1, 9), ("lipoma", 1, 19)]
    # nor the way a medicine is given, a noun, or a word cut out of a hyphenated one
    assert flagged("She got intravenous zoledronate.") == [("zoledronate", 1, 21)]
    assert [t for t, *_ in flagged("Tests found arsenic ingestion.")] == ["ingestion"]
    assert [t for t, *_ in flagged("3-hepatic encephalopathy was seen.")] == ["encephalopathy"]
    # and the glossary's word itself an adjective ends no name ("subcutaneous nodules")
    assert [t for t, *_ in flagged("They saw frontal cutaneous lumps.")] == ["cutaneous"]
    # the whole name may be one never reported
    config = Config(raw_rules={"undefined-jargon": {**EVERY_TERM, "skip_glossary_terms": False,
                                                    "ignore": ["hepatic encephalopathy"]}})
    assert flagged("She had hepatic encephalopathy.", config=config) == []


def test_words_are_reported_once_when_a_term_taken_whole_covers_a_term_reported_before():
    # "creatine" (a glossary word) is reported, then "phosphokinase" takes the words before
    # it: one report, not "creatine" and "serum creatine phosphokinase" over the same words
    assert flagged("Signs: Conjunctival telangiectasia - Elevated serum creatine "
                   "phosphokinase - Laryngeal stenosis") == \
        [("Conjunctival telangiectasia", 1, 8), ("serum creatine phosphokinase", 1, 47),
         ("Laryngeal stenosis", 1, 78)]
    assert flagged("Common signs are elevated serum creatine phosphokinase.") == \
        [("serum creatine phosphokinase", 1, 27)]
    # a glossary's adjective is reported with the rare noun that makes its name
    assert flagged("Babies may be born with biliary atresia.") == [("biliary atresia", 1, 25)]
    assert flagged("Signs: Conjunctival telangiectasia - Cutaneous syndactyly - syndactyly") == \
        [("Conjunctival telangiectasia", 1, 8), ("Cutaneous syndactyly", 1, 38)]


def test_a_name_in_quotes_then_its_kind_is_named_by_it():
    for quoted in ('"ERCC6"', "“ERCC6”", "'ERCC6'", "‘ERCC6’"):
        assert flagged(f"Some have a mutation in the {quoted} gene.") == [], quoted
    assert [t for t, *_ in flagged('Some have "ERCC6" and more.')] == ["ERCC6"]
    # a closing mark with no opening one before the name is no quotation
    assert [t for t, *_ in flagged("Some have ERCC6' gene changes.")] == ["ERCC6"]


def test_words_readers_know_are_not_reported():
    """Judged everyday by blind readers at least twice, never right (round 40)."""
    assert flagged("Shingles comes from the virus that causes chickenpox. It can hurt a lot, "
                   "and a farmer who used a herbicide was not at risk. We are vaccinating "
                   "children.") == []


def test_a_kind_of_medicine_right_before_a_name_says_what_it_is():
    assert flagged("It was given with the steroid prednisone.") == []
    assert flagged("He took the antidepressant venlafaxine for pain.") == []
    assert flagged("The dietary supplement carnitine may help.") == []
    assert flagged("Take the supplement carnitine each day.") == []
    # not the words after "a steroid with": they are not steroids
    assert [t for t, *_ in flagged("Tibolone, a steroid with estrogenic, progestogenic, and "
                                   "androgenic properties.")] == \
        ["estrogenic", "progestogenic", "androgenic"]
    # nor what a medicine is or is for, nor an abbreviation
    assert flagged("He takes an opioid analgesic.") != []
    assert [t for t, *_ in flagged("Patients received an antibiotic prophylaxis before "
                                   "surgery.")] == ["prophylaxis"]
    assert [t for t, *_ in flagged("You may use an opioid PCA pump after surgery.")] == ["PCA"]


def test_it_and_they_mean_the_sentence_subject_unless_a_person():
    # "They" is the vinca alkaloids the sentence is about, not the microtubules at its end
    assert [t for t, *_ in flagged("Vinca alkaloids interfere with microtubules. They block "
                                   "cell growth.")] == ["microtubules"]
    assert [t for t, *_ in flagged("The stomach is an organ near the pylorus. It stores "
                                   "swallowed food.")] == ["pylorus"]
    # a person cannot be "It": the operation is meant
    assert flagged("Your doctor may suggest a cholecystectomy. It removes the "
                   "gallbladder.") == []
    assert flagged("She may need a cholecystectomy. It removes the gallbladder.") == []
    # but "They" after people is the people, and "It" after them is what the page is about
    assert [t for t, *_ in flagged("Doctors may prescribe methotrexate. They will check your "
                                   "blood often.")] == ["methotrexate"]
    assert [t for t, *_ in flagged("People with this condition have hypotonia. It is caused "
                                   "by a gene change.")] == ["hypotonia"]
    assert flagged("If the cancer spreads, your doctor may use brachytherapy. It puts "
                   "radioactive seeds inside the body.") == []
    # nor when the term is the subject itself
    assert flagged("Brachytherapy is common. It puts radioactive seeds inside the "
                   "body.") == []
    # the term is the subject after an opening phrase, or of the last verb
    assert flagged("At this stage, microaneurysms occur. They are small areas of "
                   "swelling.") == []
    assert flagged("Then microaneurysms occur. They are small areas of swelling.") == []
    # not a term named as what the subject is, nor one of a list after a comma
    assert [t for t, *_ in flagged("Ferritin is a chelator. It plays a role in "
                                   "immunity.")] == ["chelator"]
    assert [t for t, *_ in flagged("These events included pain, hypoxia, and cough. They "
                                   "were managed with rest.")] == ["hypoxia"]
    # "These drugs" says what it points at
    assert flagged("The trial tested bispecific T-cell engagers. These drugs attach to immune "
                   "cells.") == []


def test_explained_at_its_next_use_in_the_next_sentence():
    text = ("Taxanes interfere with microtubules (parts of cells that help during mitosis). "
            "They work by stopping mitosis (cell division).")
    assert [t for t, *_ in flagged(text)] == ["Taxanes"]
    # not by what stands in brackets after it there: another drug, figures, a reference
    assert [t for t, *_ in flagged("Patients got carboplatin or docetaxel. Docetaxel did "
                                   "better than carboplatin (response rate 68%).")] == \
        ["carboplatin", "docetaxel"]
    # nor what explains a longer name there, examples, how it is given, what it did, or how
    # to say it
    for text in ("Doctors may order an EEG. An ictal EEG (recorded during a seizure) may be "
                 "normal.",
                 "It helps make neurotransmitters. Low neurotransmitters (dopamine, serotonin) "
                 "cause symptoms.",
                 "Patients got cisplatin. Doctors give cisplatin (usually by vein) over hours.",
                 "Patients got cisplatin. Doctors chose cisplatin (which caused more nausea).",
                 "Doctors may use vinblastine. We give vinblastine (vin-BLAS-teen) by vein."):
        assert len(flagged(text)) == 1, text
    # the same name at both uses is the same term
    assert flagged("Muscle of the urethral sphincter was tested. It is in the urethral "
                   "sphincter (the muscles around the urinary passage).") == []
    # and not the term inside a longer word
    assert [t for t, *_ in flagged("Cells stop at mitosis. Premitosis (cell division) "
                                   "comes later.")] == ["mitosis"]

def test_a_noun_is_as_hard_as_its_plural():
    # "neurons" is common enough in English, so "neuron" is too; a name's "plural" counts not
    assert flagged("Anything that disturbs neuron activity can lead to seizures.") == []
    assert flagged("Anything that disturbs neurons can lead to seizures.") == []


def test_the_initials_of_the_page_title_are_spelled_out_by_it():
    body = "While collectively TOS is not thought to be rare, its types may be.\n"
    assert flagged(f"---\ntitle: Thoracic outlet syndrome\n---\n\n{body}") == []
    assert [t for t, *_ in flagged(f"---\ntitle: Shoulder pain\n---\n\n{body}")] == ["TOS"]
    # the initials of a run of the title's words are not enough
    assert [t for t, *_ in flagged(f"---\ntitle: Treatment of Thoracic outlet syndrome\n---\n\n"
                                   f"{body}")] == ["TOS"]
    # ... but those of a whole run of its capitalised words are: a name in Title Case
    body = "People with CKD often get anemia.\n"
    assert flagged(f"---\ntitle: Anemia in Chronic Kidney Disease\n---\n\n{body}") == []
    assert [t for t, *_ in flagged(f"---\ntitle: Anemia in Chronic Kidney Failure\n---\n\n"
                                   f"{body}")] == ["CKD"]
    assert [t for t, *_ in flagged(f"---\ntitle: Anemia in Severe Chronic Kidney Disease\n---"
                                   f"\n\n{body}")] == ["CKD"]
    body = "People with CK often get anemia.\n"  # not part of a run cut at a hyphen
    assert [t for t, *_ in flagged(f"---\ntitle: Chronic Kidney Disease-Related Anemia\n---"
                                   f"\n\n{body}")] == ["CK"]


def test_a_title_keeps_the_parts_of_its_subject_after_a_dash():
    body = "Babesiosis is caused by tiny parasites that infect red blood cells.\n"
    # the page is about it: a dash joins the parts of the subject, but cuts off a site's name
    assert flagged(f"---\ntitle: Parasites - Babesiosis\n---\n\n{body}") == []
    assert flagged(f"---\ntitle: Babesiosis - NCI\n---\n\n{body}") == []
    assert [t for t, *_ in flagged(f"---\ntitle: Parasites - NCI\n---\n\n{body}")] == \
        ["Babesiosis"]
    # a long site's name goes, a short form in capitals too, but not a type's number
    assert flagged("---\ntitle: Babesiosis | National Institute of Allergy and Infectious "
                   f"Diseases\n---\n\n{body}") == []
    assert [t for t, *_ in flagged("---\ntitle: Parasites | National Institute of "
                                   f"Babesiosis Research\n---\n\n{body}")] == ["Babesiosis"]
    type_iv = "Andersen disease is glycogen storage disease type IV.\n"
    assert flagged(f"---\ntitle: Glycogen storage disease - type IV\n---\n\n{type_iv}") == []


def test_a_longer_term_whose_hard_words_were_met_before_is_not_reported():
    text = ("Transplants can be:\n\n"
            "- autologous, which means the stem cells come from you\n"
            "- allogeneic, which means the stem cells come from someone else\n\n"
            "There are risks to both autologous and allogeneic stem cell transplants.\n")
    assert flagged(text) == []
    assert [t for t, *_ in flagged("There are risks to allogeneic stem cell transplants.\n")] \
        == ["allogeneic stem cell transplants"]


def test_a_common_word_with_its_last_letter_doubled_before_an_ending_is_common():
    # "clotting" is "clot" + "ing": as common as "clot"
    assert flagged("Platelets help with blood clotting.", config=None) == []


def test_an_adjective_is_reported_when_its_noun_was_not_met():
    assert [t for t, *_ in flagged("A urethral stricture narrows the tube.")] == \
        ["urethral stricture"]


def test_an_abbreviation_capitalised_at_a_sentence_start_is_not_its_first_use():
    assert flagged("Cells hold their own DNA, known as mitochondrial DNA (mtDNA). MtDNA "
                   "depletion follows.") == []
    assert [t for t, *_ in flagged("MtDNA depletion follows.")] == ["MtDNA"]


def test_not_in_the_line_that_stands_as_an_empty_headings_text():
    text = ("Many people do well.\n\n##\n\nWhat is the prognosis for people with "
            "recurrent cancer?\n\nThe prognosis depends on many things.\n")
    assert [(t, line) for t, line, _ in flagged(text, config=None)] == [("prognosis", 7)]


def test_only_first_use_and_not_in_headings():
    text = "# Surgery\n\nA nephrectomy was done. The nephrectomy went well.\n"
    assert flagged(text) == [("nephrectomy", 3, 3)]
    # A section under a heading that names the term is about it, and explains it.
    assert flagged("## Nephrectomy\n\nA nephrectomy takes out a kidney.\n") == []


def test_explained_at_first_use_covers_later_uses():
    text = "A nephrectomy (kidney removal) was done. The nephrectomy went well.\n"
    assert flagged(text) == []


def test_no_term_is_left_between_glossary_link_and_this_rule():
    """A hard term is reported by exactly one rule: glossary-link where an editor would link
    it, this rule otherwise, whether or not a glossary has it."""
    assert flagged("Your doctor may suggest a nephrectomy.", config=None) == \
        [("nephrectomy", 1, 27)]  # in the NCI dictionary, reported here when alone
    # editors link "colonoscopy" on every page that uses it (6 of 6), "neurologic" on few
    # (1 of 8)
    both = lint("She had a colonoscopy. A neurologic exam was done.\n",
                select="glossary-link,undefined-jargon", config=RULE_SET_OPTIONS)
    assert sorted((p.rule, p.subject) for p in both) == [
        ("glossary-link", "colonoscopy"), ("undefined-jargon", "neurologic")]
    # Left to glossary-link when asked.
    assert flagged("It showed thrombocytopenia.", config=NO_GLOSSARY_TERMS) == []
    assert flagged("It showed leukocytosis.", config=NO_GLOSSARY_TERMS) == \
        [("leukocytosis", 1, 11)]  # not in any glossary


def test_professional_rule_set_turns_it_off():
    assert flagged("Your doctor may suggest a nephrectomy.", audience="professional") == []


def test_message_says_what_to_do():
    (problem,) = lint("Ask about ERCP now.", select="undefined-jargon", config=ALL_TERMS)
    assert "spell it out the first time" in problem.message
    # where the long name is no plainer ("THC"), saying what it is will do
    assert "or, where the long name is no plainer, say what it is" in problem.message
    # A code or a name in capitals is not spelled out: the writer says what it is, with no
    # example that gives it a kind it may not have ("the A1C gene")
    (problem,) = lint("Ask about HER2 now.", select="undefined-jargon", config=ALL_TERMS)
    assert problem.message == ('Readers may not know what "HER2" is: say what it is the first '
                               'time, in a few plain words: what kind of thing it is (a gene, '
                               'a protein, a test, a drug) and what it does.')


def test_ignore_option():
    config = Config(raw_rules={"undefined-jargon": {**EVERY_TERM, "skip_glossary_terms": False,
                                                    "ignore": ["nephrectomy"]}})
    assert flagged("Your doctor may suggest a nephrectomy.", config=config) == []


def test_ignore_matches_words_as_the_rule_compares_them():
    config = Config(raw_rules={"undefined-jargon": {**EVERY_TERM, "skip_glossary_terms": False,
                                                    "ignore": ["T-DM1", "HER2"]}})
    assert flagged("The T-DM1 results for HER2 cancers.", config=config) == []


def test_an_abbreviation_spelled_out_later_in_its_sentence_is_explained():
    text = ("For more on food for people with advanced CKD or who are on dialysis, see the "
            "topic Nutrition for Advanced Chronic Kidney Disease in Adults.")
    assert flagged(text) == []
    # not by the next sentence, whose words the reader has not met yet
    assert [t for t, *_ in flagged("For people with advanced CKD, food matters. Chronic "
                                   "Kidney Disease is common.")] == ["CKD"]
    # nor by words more than 200 characters on, in a sentence that runs long
    far = ("For people with advanced CKD, " + "food and drink and rest matter, " * 7 +
           "as the topic Chronic Kidney Disease says.")
    assert [t for t, *_ in flagged(far)] == ["CKD"]


def test_a_title_line_that_lost_its_heading_marks_names_the_section_below():
    """MedQuAD's pages keep some headings as short lines of their own ("Arteriogram"): the
    text below one is about what it names, as under a heading."""
    page = ("# Tests\n\n## Which tests are used?\n\nArteriogram\n\nAn arteriogram provides a "
            "\"road map\" of the arteries. Doctors use this test to find a blocked artery.\n")
    assert flagged(page) == []
    # a title line about something else names nothing
    assert [t for t, *_ in flagged(page.replace("Arteriogram\n", "Other tests\n"))] == \
        ["arteriogram"]
    # nor does it say what an abbreviation is: "Diagnosing HPS"
    assert [t for t, *_ in flagged("# Hantavirus\n\nDiagnosing HPS\n\nDiagnosing HPS in a "
                                   "person is hard because early signs look like the "
                                   "flu.\n")] == ["HPS"]
    # nor does a line with a full stop, which is a sentence
    plain = ("# Tests\n\n## Which tests are used?\n\nArteriogram\n\nYour arteriogram will "
             "take about an hour, and you can go home the same day.\n")
    assert flagged(plain) == []
    assert flagged(plain.replace("Arteriogram\n", "Arteriogram tests.\n")) == \
        [("Arteriogram", 5, 1)]
    # a title line that asks about something else is not about the term
    assert [t for t, *_ in flagged(page.replace("Arteriogram\n", "What affects arteriogram "
                                                "results?\n"))] == ["arteriogram"]
    # it names the paragraphs right after it, up to a list or a heading
    listed = page.replace("An arteriogram provides", "It helps.\n\n- one\n- two\n\n"
                          "An arteriogram provides")
    assert [t for t, *_ in flagged(listed)] == ["arteriogram"]
    # a title line at the page's end, with nothing after it
    assert flagged("Tests help.\n\nArteriogram\n") == []


@pytest.mark.parametrize("text, term", [
    # an explanation in parentheses belongs to the word right before it, not to its pair
    ("Plasma cell tumors can be indolent or malignant (cancer).", "indolent"),
    ("The two main layers are the epidermis and the dermis (lower or inner layer).",
     "epidermis"),
    # a word that only ends like a medical word is not medical: "exposes" is "expose"
    ("Doctors found leukocytosis.", "leukocytosis"),
])
def test_explanations_of_the_next_word_do_not_count(text, term):
    assert term in [subject for subject, _, _ in flagged(text)]


def test_everyday_words_that_end_like_medical_ones():
    assert flagged("The light exposes the cells.") == []


@pytest.mark.parametrize("text", [
    # real sentences from cancer.gov pages
    "The editorialists wrote that the findings were generalizable.",
    "This study was conducted by SWOG and led by Ian Thompson, MD, of Texas.",
    "Mosunetuzumab-axgb works by bringing healthy T cells and lymphoma cells close together.",
    "But one of the drugs, ganitumab, is no longer being made.",
    "The combination of ribociclib (Kisqali) and hormone therapy was much better.",
    "SNRIs such as venlafaxine are used. SNRIs include duloxetine and levomilnacipran.",
    "Some people need a pancreaticoduodenectomy, surgery to remove the head of the pancreas.",
    "Mix ¼ teaspoon baking soda, ⅛ teaspoon salt, and 1 cup warm water.",
    "Researchers led by Xavier Leleu, MD, PhD, of Hopital Huriez, CHRU, Lille, France, agreed.",
    "---\ntitle: Vimseltinib - NCI\n---\n\nThis page has brief information about vimseltinib.",
    "---\ntitle: Myeloma Research\n---\n\nIt can be used with almost all antimyeloma drugs.",
    'The "ABCDE" rule describes the features of early melanoma:',
    "- Ornithine decarboxylase inhibitor therapy slows the growth of cancer cells.",
    "Image courtesy of Dr. Robert J. Cusimano.",
    "Interest from the pharmaceutical and biotechnology sectors grew.",
])
def test_names_and_placed_words_are_not_reported(text):
    assert flagged(text, config=NO_GLOSSARY_TERMS) == []


def test_a_term_ends_where_the_next_item_of_a_run_in_list_starts():
    # GARD's lists, run into one line: a capital on an English word starts the next item
    text = ("Causes include imaging studies that need radiologic dye Strenuous exercise "
            "Certain medical conditions.\n")
    assert "radiologic dye" in [t for t, *_ in flagged(text, config=NO_GLOSSARY_TERMS)]
    assert "radiologic dye Strenuous" not in [t for t, *_ in flagged(text)]
    # a name with a capital goes on with the term
    name = "It is nodular sclerosing Hodgkin lymphoma."
    start, end = undefined_jargon._whole_term(name, name.index("nodular"), name.index(" scl"))
    assert name[start:end] == "nodular sclerosing Hodgkin lymphoma"
    # and a name that is an English word too, by what follows it
    name = "It is neuronopathic Gaucher disease."
    start, end = undefined_jargon._whole_term(name, name.index("neuro"), name.index(" Gau"))
    assert name[start:end] == "neuronopathic Gaucher"


def test_a_sign_in_a_list_of_signs_is_no_name():
    # a rare word in a list is taken as a drug's or a gene's name ("such as baclofen"), but
    # not in a list of what an illness shows, nor across a clause of its own
    assert flagged("Drugs such as baclofen and tizanidine can help.",
                   config=NO_GLOSSARY_TERMS) == []
    assert [t for t, *_ in flagged("Symptoms include weakness, muscle stiffness and "
                                   "spasticity.", config=NO_GLOSSARY_TERMS)] == ["spasticity"]
    assert [t for t, *_ in flagged("Chemotherapy can harm healthy cells, such as those in the "
                                   "ovaries, which contain oocytes.",
                                   config=NO_GLOSSARY_TERMS)] == ["oocytes"]
    # a list of drugs for signs is a list of drugs
    assert flagged("Drugs that ease symptoms include tizanidine and dantrolene.",
                   config=NO_GLOSSARY_TERMS) == []
    # names in brackets after their kind, but not signs after theirs
    assert flagged("Drugs that prevent it are antithrombotics (aspirin and anticoagulants).",
                   config=NO_GLOSSARY_TERMS) == []
    assert [t for t, *_ in flagged("Some have eye abnormalities (cataract and strabismus).",
                                   config=NO_GLOSSARY_TERMS)] == ["strabismus"]


def test_the_page_s_own_subject_is_not_reported():
    # The page is about its title's subject, or a part of it: "atrophy" on the page "Optic
    # atrophy 1 and deafness", "ascitic" on "Ascites and Cancer".
    text = "---\ntitle: Nephrectomy\n---\n\nA nephrectomy was done.\n"
    assert flagged(text) == []
    text = ("---\ntitle: Ascites and Cancer\n---\n\nThe ascitic fluid is drained. Ask about "
            "paracentesis.\n")
    assert [subject for subject, _, _ in flagged(text)] == ["paracentesis"]


def test_a_slip_of_the_keyboard_is_named_as_one():
    # A word English does not know, one letter left out, added or swapped from a common word,
    # is a misspelling to fix, not a term to explain; a medical word one changed letter from a
    # common word ("lobation", "location") is still a term.
    found = messages(
        "Patients may also have upper body weakness, muscule pain, and tremors. Other "
        "symtpoms are rare. The scan showed abnormal lung lobation in the baby.\n")
    assert found["muscule"] == '"muscule" looks like a misspelling of "muscle": check the spelling.'
    assert "misspelling of \"symptoms\"" in found["symtpoms"]
    assert found["lobation"].startswith('Readers may not know the term "lobation"')
    # a long word's slip from a word in less common use (Zipf 3 to 3.5); not "resectability"
    found = messages("He had a hemmorrhage and some liver englargement. The resectability of "
                     "the tumor was judged.\n")
    assert 'misspelling of "hemorrhage"' in found["hemmorrhage"]
    assert 'misspelling of "enlargement"' in found["englargement"]
    assert "misspelling" not in found.get("resectability", "")
    # nor the rest of a word whose first letter a name spells out in brackets (GARD's LEOPARD
    # syndrome page)
    assert flagged("LEOPARD stands for (L)entigines, (A)bnormalities of the genitalia, "
                   "(R)etarded growth and (D)eafness.\n") == []



def test_another_form_or_another_medical_word_of_the_page_is_no_misspelling():
    found = messages(
        "The metaphyseal bone grows. Metaphyseal changes are seen where the metaphyses are "
        "wide. Neuroblastoma is common; neuroblastoma cells grow. Then nephroblastoma grows "
        "in the kidney. It may cause leukodystprohy like other leukodystrophy or "
        "leukodystrophy signs.\n")
    # a plural and an adjective of one stem; a cancer named by another prefix
    assert found["metaphyses"].startswith('Readers may not know the term "metaphyses"')
    assert found["nephroblastoma"].startswith('Readers may not know the term')
    # two slips inside a medical word, past its first letters
    assert "misspelling of \"leukodystrophy\"" in found["leukodystprohy"]
    found = messages(
        "Neuroblastoma is a cancer. Neuroblastoma cells grow fast. A neruoblsatoma can "
        "spread. The esophagus carries food. Sores in the esophaguse can hurt. Endoscopy is "
        "done. Endoscopy helps. The endoscope is a tube. Then the endocope is moved.\n")
    # slips inside the root; a letter glued to the end; the nearest word, not the most used
    assert "misspelling of \"neuroblastoma\"" in found["neruoblsatoma"]
    assert "misspelling of \"esophagus\"" in found["esophaguse"]
    assert "misspelling of \"endoscope\"" in found["endocope"]


def test_a_word_two_changed_letters_or_another_ending_from_a_page_word_is_no_misspelling():
    found = messages(
        "Several strategies were studied. One test stratifies risk. The purulent wound "
        "healed. Then purulence was seen again. Other disorders were rare, and diseorers of "
        "the blood were rarer.\n")
    # other words the page does not use: two changed letters, another ending
    assert found["stratifies"].startswith('Readers may not know the term "stratifies"')
    assert found["purulence"].startswith('Readers may not know the term "purulence"')
    # a letter added and one changed, inside the word: a slip
    assert 'misspelling of "disorders"' in found["diseorers"]
    # a letter left out and one changed, the ending the same: a slip
    found = messages("Osteoporosis makes bones weak. Her osteoprisis got worse.\n")
    assert 'misspelling of "osteoporosis"' in found["osteoprisis"]
    # letters swapped or left out, in the ending too: slips
    found = messages(
        "The diarrhea can follow. Then diarreah lasts days. Hemoglobin is low. The hemglobn "
        "level fell.\n")
    assert 'misspelling of "diarrhea"' in found["diarreah"]
    assert 'misspelling of "hemoglobin"' in found["hemglobn"]


def test_a_surname_in_a_list_of_authors_is_a_name():
    for text in ("Credit: Cancer Cell, Volume 27, Kristian W. Pajtler, Hendrik Witt.\n",
                 "Credit: Hendrik Witt, Kristian W. Pajtler.\n"):
        assert flagged(text) == [], text
    # an initial that ends a sentence does not make the next word a name
    assert "Cirrhosis" in [t for t, *_ in flagged("People with hepatitis B. Cirrhosis may "
                                                  "follow.\n")]


def test_two_words_run_together_are_named_as_such():
    found = messages(
        "The esophagus carries food; the esophagusis a tube. Prediabetes is common, and "
        "prediabetes can be treated. People with prediabetesat first feel well. The doctor "
        "gave her cubicin for the infection. Tissue from the genitalis was tested.\n")
    assert found["esophagusis"] == \
        '"esophagusis" looks like two words run together: "esophagus is". Separate them ' \
        'with a space or a dash.'
    assert "\"prediabetes at\"" in found["prediabetesat"]
    # a verb after a word English knows less well: "eyepiece is", "tubules may", "history
    # can't" (its apostrophe lost too); not after a rarer word ("blastocystis", a parasite,
    # is not "blastocyst is")
    found_too = messages("The eyepieceis held up. The tubulesmay be hurt. Your family "
                         "historycant be changed. Tests found blastocystis in the stool.\n")
    assert [found_too[w].split(": ", 1)[1] for w in ("eyepieceis", "tubulesmay", "historycant")] \
        == ['"eyepiece is". Separate them with a space or a dash.',
            '"tubules may". Separate them with a space or a dash.',
            '"history can\'t". Separate them with a space or a dash.']
    assert found_too["blastocystis"].startswith("Readers may not know the term")
    # an abbreviation and a small word: "CMV is", not an abbreviation to spell out; a plural
    # ("TKIs") is not run together
    glued = messages("Cytomegalovirus (CMV) is common. CMVis the most common infection in "
                     "newborns. Doctors may give TKIs.\n")
    assert glued["CMVis"] == \
        '"CMVis" looks like two words run together: "CMV is". Separate them with a space or ' \
        'a dash.'
    assert glued["TKIs"].startswith('Readers may not know the abbreviation "TKIs"')
    # not a verb before another: "JAKis can" is JAK inhibitors, written short
    assert messages("JAK inhibitors calm the immune system. JAKis can raise the risk of "
                    "clots.\n")["JAKis"].startswith('Readers may not know the abbreviation')
    # "-in" ends names of medicines, "-alis" Latin adjectives
    assert found["cubicin"].startswith("Readers may not know the term")
    assert found["genitalis"].startswith("Readers may not know the term")


def test_words_of_a_glossary_name_or_of_a_longer_term_run_together_are_named():
    # "lymph" and "nodes" are words, "lymph nodes" a name the glossaries have
    found = messages("It is an infection of lymphnodes in the neck.\n")
    assert found["lymphnodes"] == \
        '"lymphnodes" looks like two words run together: "lymph nodes". Separate them with a ' \
        'space or a dash.'
    # each word of a longer term read apart, the page's own words known
    text = ("Arachnoiditis is a pain disorder caused by swelling of the arachnoid. Arachnoiditis "
            "can be hard to treat. The outlook for someone witharachnoiditis iscomplicated.\n")
    found = messages(text)
    (term,) = [t for t in found if t.startswith("witharachnoiditis")]
    assert found[term] == \
        f'"{term}" looks like words run together: "with arachnoiditis is complicated". ' \
        'Separate them with a space or a dash.'


def test_a_rarer_word_of_the_page_run_together_with_a_small_word_is_named():
    # "stoma" is rare in English (too rare to be taken as a word on its own), but the page
    # uses it: "stomafor" is "stoma for"
    text = ("An ileostomy makes an openingcalled a stomafor the stool to leave the body. "
            "To create a stoma, the surgeon brings the intestine through the belly.\n")
    found = messages(text)
    assert found["stomafor"] == \
        '"stomafor" looks like two words run together: "stoma for". Separate them with a ' \
        'space or a dash.'
    # not when the page does not use the word on its own
    found = messages(text.replace("a stoma,", "an opening,"))
    assert found["stomafor"].startswith("Readers may not know the term")


@pytest.mark.parametrize("text, term", [
    # the term's hardest word is linked elsewhere on the page, in any form
    ("Some women take [adjuvant](https://www.cancer.gov/publications/dictionaries/cancer-terms/"
     "def/45587) tamoxifen.\n\nLater, adjuvant treatment lowered the risk.\n",
     "adjuvant treatment"),
    ("**[TRAM flap](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/4) :** "
     "tissue from the belly.\n\nA TRAM can be used.\n", "TRAM"),
    # what kind of thing it is, said by the next word
    ("The blood flows through an apheresis machine that removes the stem cells.\n",
     "apheresis"),
    # people named by their work, with an everyday ending
    ("Surgeons, internists and epidemiologists met.\n", "internists"),
    # the next sentence goes on about it by its head word
    ("The doctor uses a small ultrasound transducer. The transducer bounces sound waves off "
     "the organs.\n", "ultrasound transducer"),
    # ... also when the term starts its sentence
    ("An ultrasound transducer connected to a computer is pressed against the skin. The "
     "transducer bounces sound waves off the organs.\n", "ultrasound transducer"),
    # a sentence that says what it is, with two words before its kind
    ("Hematuria is red blood cells in the urine. It may be caused by cancer.\n", "Hematuria"),
    # one plain word in brackets, plainer than the term
    ("Cancer can form in the gingiva (gums) and the lips.\n", "gingiva"),
    # the linked word with an everyday prefix
    ("Some had [adenomas](https://www.cancer.gov/publications/dictionaries/cancer-terms/"
     "def/45979) removed.\n\nNo one in the nonadenoma group died.\n", "nonadenoma"),
])
def test_explained_or_linked_elsewhere_on_the_page(text, term):
    assert term not in [subject for subject, _, _ in flagged(text)]


_DEF = "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/1"


@pytest.mark.parametrize("linked, later, term, reported", [
    # a form of the word linked: its adjective, its noun, its plural
    ("metastatic", "The metastasis grew.", "metastasis", False),
    ("leukemia", "The leukemic cells grew.", "leukemic", False),
    ("histologic", "Its histology was mixed.", "histology", False),
    ("prognostic", "The prognosis is good.", "prognosis", False),
    ("ultrasound", "It was seen on ultrasonography.", "ultrasonography", False),
    ("angiogenesis", "It blocks angiogenic signals.", "angiogenic", False),
    ("allogeneic", "She had an allogenic transplant.", "allogenic", False),
    ("salpingo-oophorectomy", "After the oophorectomy she rested.", "oophorectomy", False),
    # an adjective in "-ic" of a common word, or of a condition ("nephrite" is a stone)
    ("prostatic", "The prostatectomy went well.", "prostatectomy", True),
    ("nephritic syndrome", "The nephritis got worse.", "nephritis", False),
    # a word joined by a dash, by its first word
    ("blastic-phase", "It reached the blastic stage.", "blastic", False),
    # an ending that makes another thing of the word linked, or the word it is made of
    ("lymphocytes", "The drug often causes lymphocytosis for a while.", "lymphocytosis", True),
    ("carcinoma", "Some had carcinomatosis at the start.", "carcinomatosis", True),
    ("endometriosis", "It grows in the endometrium.", "endometrium", True),
    ("hepatocellular", "It starts in the hepatocytes.", "hepatocytes", True),
])
def test_a_linked_word_explains_its_forms_not_other_things_made_of_it(linked, later, term,
                                                                        reported):
    text = f"Some had [{linked}]({_DEF}) changes.\n\n{later}\n"
    assert (term in [s for s, _, _ in flagged(text)]) == reported


def test_a_prefixed_word_counts_as_linked_only_when_its_rest_is():
    text = ("Some had [adenomas](https://www.cancer.gov/publications/dictionaries/cancer-terms/"
            "def/45979) removed.\n\nNo one in the nonosteoma group died.\n")
    assert [s for s, _, _ in flagged(text)] == ["nonosteoma"]


@pytest.mark.parametrize("text", [
    "The cancer may recur after treatment.\n",  # general English
    "Women with operable breast cancer and postmenopausal women took part.\n",
    "Scans showed gallstones and osteoporosis.\n",
])
def test_words_of_illness_general_english_uses_are_not_reported(text):
    assert flagged(text) == []


def test_a_virus_named_as_one_is_not_reported():
    assert flagged("Infection with cytomegalovirus or human papillomavirus is common.\n") == []
    assert [s for s, _, _ in flagged("Infection with cytomegalovirus and the "
                                     "choriomeningitis of mice.\n")] == ["choriomeningitis"]


def test_a_cancer_or_syndrome_named_as_one_is_not_reported_but_its_words_are_met():
    text = ("Some children develop acute lymphocytic leukemia. Lymphocytic cells grow fast. "
            "Others have leukocytosis.\n")
    assert [s for s, _, _ in flagged(text)] == ["leukocytosis"]


def test_a_melanoma_named_as_one_is_not_reported():
    assert flagged("About half of patients with intraocular melanoma live long.\n") == []


def test_names_with_a_particle_and_trials_with_their_numbers_are_not_reported():
    assert flagged("She works at the Vall d'Hebron Institute of Oncology in Barcelona.\n") == []
    assert flagged("Results came from the study (the ACCORD 07-FFCD 9703 trial).\n") == []


def test_the_items_of_a_list_of_types_are_kinds_even_with_the_colon_lost():
    # MedQuAD's pages lost the colon: "Specific types include" then the list
    text = ("Dust in the air causes some lung diseases. Specific types include\n\n"
            "- Asbestosis, from inhaling asbestos fibers\n- Siderosis, from inhaling iron\n")
    assert flagged(text) == []
    assert flagged("Dust causes lung disease. Types include\n\n- Asbestosis, from dust\n") == []
    # so are diseases a sentence about them lists ("Degenerative nerve diseases include")
    text = ("Some are genetic. Degenerative nerve diseases include\n\n"
            "- Amyotrophic lateral sclerosis\n- Spinal muscular atrophy\n")
    assert flagged(text) == []
    # a few words may follow the kind too ("Medicines taken by mouth include")
    assert flagged("Medicines taken by mouth include\n\n- adefovir\n- entecavir\n") == []
    assert flagged("Biologic therapies include\n\n- adalimumab\n- infliximab\n") == []
    assert flagged("Medications that reduce acid include\n\n- antacids\n- H2 blockers\n") == []
    # but not a clause after the kind ("Drugs cause rashes that include")
    assert [s for s, _, _ in flagged("Drugs cause rashes that include\n\n- erythroderma\n"
                                     "- pemphigus\n")] == ["erythroderma", "pemphigus"]
    # a list of signs is not a list of kinds: each sign is a term to explain; nor are the
    # side effects of drugs, the words before "include" not being the sentence's subject
    text = "Signs of the disease include\n\n- hepatomegaly\n- a rash\n"
    assert [s for s, _, _ in flagged(text)] == ["hepatomegaly"]
    text = "Side effects of these drugs include\n\n- neutropenia\n- a rash\n"
    assert [s for s, _, _ in flagged(text)] == ["neutropenia"]


def test_a_verb_takes_no_words_before_it_into_its_term():
    # "inactivate" is said of "EP300 mutations": they are not one term with it (lemminflect
    # does not know the verb; its ending and its object after it tell)
    text = ("Mutations in the EP300 gene cause it. The EP300 gene makes a protein. EP300 "
            "mutations inactivate one copy of the gene in each cell.\n")
    found = [s for s, _, _ in flagged(text)]
    assert "EP300 mutations inactivate" not in found and "inactivate" in found
    # a salt's name is no verb, even with a word of how often after it
    assert [s for s, _, _ in flagged("Doctors give deferoxamine mesylate each night.\n")] == \
        ["deferoxamine mesylate"]
    assert [s for s, _, _ in flagged("Doctors give deferoxamine mesylate in the evening.\n")] \
        == ["deferoxamine mesylate"]
    # a verb lemminflect knows takes none of the words before it either
    assert [s for s, _, _ in flagged("Immature osteoblasts ossify slowly in the bones.\n")] == \
        ["ossify"]


def test_an_english_word_given_a_capital_inside_a_glossary_term_is_still_hard():
    # "Peptic" keeps the capital of a link's title: the term is met there, at its first use,
    # not at the later "peptic ulcer"; a name in a glossary term is still a name
    text = ("It causes Peptic ulcers and stomach cancer. If you have symptoms of a peptic "
            "ulcer, see a doctor.\n")
    assert flagged(text) == [("Peptic ulcers", 1, 11)]
    assert flagged("Some children have classic Hodgkin lymphoma. It is treated well.\n") == []


def test_words_readers_were_found_to_know_are_not_reported():
    assert flagged("Muscles waste away and paralysis sets in. She needs a respirator.\n") == []
    assert flagged("A muscle relaxant may help. Ejaculation may hurt. Cells mutate.\n") == []
    assert flagged("It is an investigational drug. Signs include distractibility.\n") == []
    assert flagged("Use an antifungal cream. People with an underactive thyroid tire.\n") == []
    assert flagged("Kidney failure, cancer, tuberculosis, and other health problems.\n") == []
    assert flagged("It found 4 ng per milliliter. Sunscreen blocks UVB light.\n") == []


def test_one_of_the_types_the_sentence_before_announces_is_not_reported():
    text = ("There are four main types of thyroid cancer. These are papillary, follicular, "
            "medullary, and anaplastic.\n")
    assert flagged(text) == []
    assert [s for s, _, _ in flagged("There are four main types of thyroid cancer. These are "
                                     "rare. Anaplastic ones grow fast.\n")] == ["Anaplastic"]


def test_a_subject_said_to_be_things_of_a_kind_is_explained():
    for text in ("Cholangiocytes are cells that line the bile ducts.\n",
                 "Cholangiocytes and hepatocytes are small cells found in the liver.\n",
                 "Cholangiocytes (CCs) were flat cells with a large nucleus.\n",
                 "Cholangiocytes, hepatocytes, and cholangioles are cells found in the "
                 "liver.\n",
                 "Hepatocytes (HCs), neurons, and cholangiocytes are cells found in the "
                 "body.\n"):
        assert flagged(text) == [], text
    # "are" and no kind: an adverb, a state, or a kind whose article makes it another test
    for text in ("Cholangiocytes are sometimes used in tests.\n",
                 "Cholangiocytes are damaged.\n",
                 "Cholangiocytes are abundant in the liver.\n",
                 "Cholangiocytes are made by stem cells in the liver.\n",
                 "Cholangiocytes are found in patients with liver disease.\n"):
        assert [s for s, _, _ in flagged(text)] == ["Cholangiocytes"], text


def test_the_second_of_two_terms_the_plain_words_before_their_bracket_name_is_explained():
    text = "Blood flows to the smaller vessels (arterioles and capillaries) of the skin.\n"
    assert flagged(text) == []
    # not "with or without", nor after a word that names only their kind
    taxane = "A taxane (docetaxel or paclitaxel) is given."
    at = taxane.index("paclitaxel")
    assert not nearby.second_in_brackets(taxane, at, at + len("paclitaxel"))
    nose = "Behind the nose (nasal cavity and paranasal sinuses) there are spaces."
    at = nose.index("paranasal sinuses")
    assert nearby.second_in_brackets(nose, at, at + len("paranasal sinuses"))
    assert [s for s, _, _ in flagged("Tests (with or without cholangioscopy) are done.\n")] \
        == ["cholangioscopy"]


def test_codes_joined_by_a_dash_are_one_term():
    text = "Tests of PD-L1 vary. Cells that were PD-L1-expressing responded.\n"
    assert [s for s, _, _ in flagged(text)] == ["PD-L1"]
    text = "PD-1 is on T cells. An anti-PD-1 drug blocks it.\n"
    assert [s for s, _, _ in flagged(text)] == ["PD-1"]


def test_a_block_that_is_not_text_is_not_read():
    garbage = "BOOKMOBI \ufffd\ufffd XKQZW \ufffd EXTH \ufffd kindle:embed Zorbulate\n"
    assert flagged(garbage) == []
    assert [s for s, _, _ in flagged("The scan showed leukocytosis \ufffd here.\n")] == \
        ["leukocytosis"]


def test_a_repeated_term_is_not_an_explanation():
    # "The transducer bounces ..." says what it does; "The nephrectomy went well" does not
    assert [s for s, _, _ in flagged("She had a nephrectomy. The nephrectomy went well.\n")] \
        == ["nephrectomy"]
    assert [s for s, _, _ in flagged("A nephrectomy was needed in May. The nephrectomy went "
                                     "well.\n")] == ["nephrectomy"]
    assert [s for s, _, _ in flagged("An echocardiogram was done in May. The echocardiogram "
                                     "results are normal.\n")] == ["echocardiogram"]
    # and a sentence saying where or when it is found is not one saying what it is
    for text in ("Hematuria is very common in older men.\n",
                 "Hematuria is common after surgery for cancer.\n",
                 "Hematuria is found through tests that check the urine.\n"):
        assert [s for s, _, _ in flagged(text)] == ["Hematuria"], text
    assert flagged("Hematuria is early evidence of kidney disease.\n") == []
    # nor does a linked word explain a different hard word beside it
    text = ("Take [tamoxifen](https://www.cancer.gov/publications/dictionaries/cancer-terms/"
            "def/1).\n\nShe may get adjuvant treatment.\n")
    assert "adjuvant treatment" in [s for s, _, _ in flagged(text)]


def test_a_prefix_and_a_common_word_can_be_read():
    # arthritis of the bones, too much mobility: a reader takes the prefix off
    assert flagged("He has early osteoarthritis and joint hypermobility.\n") == []
    # not when the rest is a common word only by chance, or rare
    assert [s for s, _, _ in flagged("Scans showed hypertrophy and hypopigmentation.\n")] == \
        ["hypertrophy", "hypopigmentation"]


@pytest.mark.parametrize("text, term", [
    # a name standing as a sentence at the start of a paragraph, then what it is
    ("Craniotomy. An opening is made in the skull and a piece of it is removed.\n",
     "Craniotomy"),
    # the site the front matter names as the page's source
    ("---\ntitle: Ataxia\nsource: GARD\n---\nPlease visit our GARD page on ataxia.\n", "GARD"),
    # abbreviations most readers know
    ("You may have CT, MRI, and PET scans.\n", "MRI"),
    # common words writers explain only now and then
    ("The same gene is also linked to epilepsy.\n", "epilepsy"),
    # what kind of thing a name is, said by the next word
    ("She took immunosuppressant medications to calm the immune system.\n",
     "immunosuppressant"),
])
def test_not_reported(text, term):
    assert term not in [subject for subject, _, _ in flagged(text)]


def test_a_sentence_that_is_not_a_name_is_no_label():
    assert [s for s, _, _ in flagged("Doctors may suggest a craniotomy. The craniotomy "
                                     "went well.\n")] == ["craniotomy"]


@pytest.mark.parametrize("text", [
    "He is chair of the department of oncology at the hospital.\n",
    "NCI's Surveillance, Epidemiology, and End Results (SEER) program counts cancers.\n",
    "Tell us if you have a pacemaker, man-made joint, stent, or other metal devices.\n",
])
def test_fields_names_and_lists_that_say_their_kind(text):
    assert flagged(text) == []


@pytest.mark.parametrize("text, term", [
    # a treatment named as one
    ("There is no single test for it. Treatment is usually with methotrexate.\n",
     "methotrexate"),
    ("It is usually treated with rest, ice or methotrexate.\n", "methotrexate"),
    # a long list of kinds after "Specific (kinds) include", the first word capitalised
    ("The leukodystrophies are a group of disorders. Specific leukodystrophies include "
     "metachromatic leukodystrophy, Krabbe disease, adrenoleukodystrophy, Canavan disease, "
     "Childhood Ataxia with Central Nervous System Hypomyelination (also known as Vanishing "
     "White Matter Disease), Alexander disease, Refsum disease, and cerebrotendinous "
     "xanthomatosis.\n", "cerebrotendinous xanthomatosis"),
    # "They include ..." after a sentence that names the kind
    ("Problems with the anus are common. They include fissures, fistulas, and cancer.\n",
     "fistulas"),
    # a kind, a few words about it, then ", such as"
    ("It can be caused by disorders affecting the central nervous system, such as stroke, "
     "transverse myelitis, and encephalitis.\n", "encephalitis"),
    # a name set between commas after "one" and its kind
    ("Mutations in one gene, TTN, account for about 20 percent of cases.\n", "TTN"),
])
def test_a_kind_named_before_a_list_or_a_treatment_says_what_the_term_is(text, term):
    assert term not in [s for s, _, _ in flagged(text)]


@pytest.mark.parametrize("text, term", [
    # the same words, the kind not named
    ("There is no single test for it. Doctors often give methotrexate.\n",
     "methotrexate"),
    ("He had a biopsy and later encephalitis.\n", "encephalitis"),
    ("In one gene, TTN was changed.\n", "TTN"),  # (a name between commas only)
    ("In one study, TTN, was high.\n", "TTN"),  # (a kind of thing only)
    # "are" in the middle of a paragraph is no list of kinds: what follows says what they are
    ("It spreads to people. Most infections in humans are asymptomatic, but some are not.\n",
     "asymptomatic"),
])
def test_without_the_kind_named_the_term_is_still_reported(text, term):
    assert term in [s for s, _, _ in flagged(text)]


def test_a_term_outside_such_a_list_is_still_reported():
    assert [s for s, _, _ in flagged("Your doctor may put in a stent to keep it open.\n")] == \
        ["stent"]


def test_a_term_explained_with_the_page_subject_after_it():
    page = ("---\ntitle: Gastroparesis\n---\nMost people with gastroparesis have idiopathic "
            "gastroparesis, which means a doctor cannot find the cause.\n")
    assert "idiopathic" not in [s for s, _, _ in flagged(page)]


@pytest.mark.parametrize("text, term", [
    ("Craniotomy. An opening is made in the skull and a piece of it is removed.\n",
     "Craniotomy"),
    ("It is caused by changes in the HADHA gene.[OMIM]\n", "OMIM"),  # a cited source
    ("Moderator Andrea Denicoff, RN, MS, ANP, of the National Cancer Institute.\n", "ANP"),
    ("Many researchers at the NIH campus are looking for ways to treat melanoma.\n", "NIH"),
])
def test_labels_sources_degrees_and_agencies(text, term):
    assert term not in [subject for subject, _, _ in flagged(text)]


def test_a_later_sentence_about_another_use_is_no_explanation():
    # "A second lumpectomy is ..." says nothing of what a lumpectomy is
    text = "Ask if you will need a lumpectomy. A second lumpectomy is sometimes done.\n"
    assert [s for s, _, _ in flagged(text)] == ["lumpectomy"]


@pytest.mark.parametrize("text", [
    # an explanation whose dashes were lost: a typing fault, not a term
    "Postpartum thyroiditisinflammation of the thyroid gland can follow birth.\n",
    "Use iodized saltsalt with iodine added.\n",
    "Some foods have iodinesuch as fish and milk.\n",
    "The doctor uses an anoscopea hollow, lighted tubeto look inside.\n",
    "Some people have hyperprolactinemiatoo much of the hormone prolactin.\n",
])
def test_words_run_together_by_a_lost_dash(text):
    assert not any(glued in s for s, _, _ in flagged(text) for glued in (
        "saltsalt", "thyroiditisinflammation", "iodinesuch", "anoscopea", "emiatoo"))


def test_a_later_term_with_the_same_hard_head_is_not_reported_again():
    text = "- Chorioretinal coloboma 7.5%\n- Iris coloboma 7.5%\n"
    assert [s for s, _, _ in flagged(text)] == ["Chorioretinal coloboma"]


@pytest.mark.parametrize("text, term", [
    # a term outside the list a sentence ends with "and other ..."
    ("Radiation can cause mucositis in your mouth, throat, and other places.\n", "mucositis"),
    # "school" or "divisions" before a term do not make it a field of work
    ("Children may miss school because of lymphedema.\n", "lymphedema"),
    # a short sentence that says something of the term is no label
    ("Mucositis hurts. Rinse your mouth often.\n", "Mucositis"),
    ("Leukocytosis happens. The doctor will check it.\n", "Leukocytosis"),
    # a prefix that only looks like one, and a word writers explain
    ("You may need a resection.\n", "resection"),
    # what is done with it or how long it takes says nothing of what it is
    ("You may need a nephrectomy if the tumor is large. The nephrectomy takes three hours.\n",
     "nephrectomy"),
    ("She needs a nephrectomy. The nephrectomy is done in a hospital.\n", "nephrectomy"),
    # not a person, and a specialist of a field few readers know
    ("It acts as an antagonist or a synergist.\n", "synergist"),
    ("She saw a nephrologist.\n", "nephrologist"),
])
def test_still_reported(text, term):
    assert term in [subject for subject, _, _ in flagged(text)]


def test_terms_editors_use_and_leave_plain_are_not_reported():
    """cancer.gov editors use "epidemiology", "oncology" and "noninvasive" on many pages that
    link dictionary terms, and link them on none: they judged them plain enough. A term they
    link now and then ("neurologic": 1 of 8 pages) is still reported."""
    for sentence in ("The epidemiology of the disease was studied.", "The oncology team met.",
                     "A noninvasive test was done."):
        assert flagged(sentence, config=None) == [], sentence
    assert [term for term, *_ in flagged("A neurologic exam was done.", config=None)] == \
        ["neurologic"]


def test_a_notation_or_a_dash_and_what_it_is_explains():
    # "written as", "abbreviated as": the term is the name just given to what was said
    assert flagged("The change swaps glycine for alanine, written as Gly177Ala or G177A.") == []
    assert flagged("It causes fumarate hydratase deficiency (also abbreviated as FMRD).") == []
    # an em dash and what it is: "overdiagnosis—finding tumors that ..."
    assert flagged("Screening can lead to overdiagnosis—finding tumors that never would "
                   "have caused symptoms.") == []
    # not "—including ...", nor an en dash joining a name
    assert [t for t, *_ in flagged("Symptoms of proctitis—including mucus—are common.")] == \
        ["proctitis"]
    assert [t for t, *_ in flagged("It is a peptide YY–producing tumor.")] == ["YY"]


def test_an_abbreviation_after_the_words_it_stands_for_is_explained():
    assert flagged("Central Nervous System - Medulloblastoma and Other CNS Embryonal "
                   "Tumors") == []
    assert flagged("Condoms help protect against sexually transmitted diseases. Men "
                   "should practice safe sex to avoid STDs.") == []
    # not letters that happen to begin small words or codes: "either the EPM2A gene"
    assert [t for t, *_ in flagged("Testing of either the EPM2A gene may be used. An EEG "
                                   "is done.")] == ["EEG"]


def test_a_word_of_mixed_case_taken_as_a_name_stays_one():
    # "proteins called GTPases": a name inside the sentence, and at the next one's start
    assert [t for t, *_ in flagged("Alsin turns on proteins called GTPases that convert "
                                   "sugars. GTPases play roles.")] == ["Alsin"]


def test_the_title_of_a_line_of_links_is_another_pages_name():
    # a list of pages: each title, then its links
    page = ("- Retinoblastoma\n- [patient](/retinoblastoma-pdq) | "
            "[health professional](/retinoblastoma-hp-pdq)\n\n"
            "**Grief, Bereavement, and Coping With Loss (PDQ®)**\n"
            "[patient](/bereavement-pdq) | [health professional](/bereavement-hp-pdq)\n")
    assert flagged(page) == []
    # an item before a single linked item is no title; nor is a sentence before links
    assert [t for t, *_ in flagged("- diphtheria-tetanus-pertussis (DTaP)\n"
                                   "- [hepatitis B](/hepatitis-b)\n")] == \
        ["diphtheria-tetanus-pertussis"]
    assert [t for t, *_ in flagged("Read about retinoblastoma. [patient](/a) | "
                                   "[health professional](/b)\n")] == ["retinoblastoma"]
    # nor a line before links that are not set apart as a line of links
    assert [t for t, *_ in flagged("Your doctor may suggest a nephrectomy\n[patient](/a) "
                                   "[health professional](/b)\n")] == ["nephrectomy"]


def test_what_the_term_does_or_a_kind_it_is_one_of_explains_it():
    # what it does, in a clause right after it
    assert flagged("Pembrolizumab is an immunotherapy that helps the body attack cancer.") \
        == []
    for text in ("She has cholangiocarcinoma that blocks the duct.",
                 "She has hemochromatosis that reduces her iron stores."):
        assert len(flagged(text)) == 1, text  # (what a disease does says not what it is)
    # the next sentence speaks of it as a form of its kind
    assert flagged("A common form is acral lentiginous melanoma. This form of melanoma occurs "
                   "on the palms.") == []
    assert flagged("She has acral lentiginous melanomas. These types of melanoma are rare.") \
        == []
    assert flagged("Her blood showed many eosinophils. These types of cells fight infection.") \
        == []
    # not of another kind
    assert [t for t, *_ in flagged("It may reach the muscularis. This type of gallbladder "
                                   "cancer is curable.")] == ["muscularis"]
    assert [t for t, *_ in flagged("He fell on the sacrum. These types of injuries can "
                                   "occur.")] == ["sacrum"]


def test_a_latin_plural_or_singular_is_the_term_met_before():
    assert flagged("The sclera may look blue. Later the sclerae turn white.") == \
        [("sclera", 1, 5)]
    assert flagged("A thrombus can form. Thrombi can block veins.") == [("thrombus", 1, 3)]
    assert flagged("Both diaphyses are thick. The diaphysis widens.") == [("diaphyses", 1, 6)]
    assert [t for t, *_ in flagged("The surgeon makes an anastomosis. Anastomoses can leak.")] \
        == ["anastomosis"]
    assert flagged("A nevus may change. Nevi can grow.") == [("nevus", 1, 3)]



def test_a_noun_after_two_hyphens_then_what_it_is_explains_the_term():
    text = ("Doctors look for biomarkers -- signs that may show risk of a disease -- in the "
            "blood.\n")
    assert flagged(text) == []
    assert flagged("Doctors look for biomarkers--signs that may show risk.\n") == []
    assert [s for s, _, _ in flagged("Doctors look for biomarkers in the blood.\n")] == \
        ["biomarkers"]
    # not a list run into one line, items parted by " - "
    text = "You may see diarrhea - hypertrichosis - failure to thrive.\n"
    assert [s for s, _, _ in flagged(text)] == ["hypertrichosis"]


def test_an_abbreviation_explained_with_a_number_after_it_is_known_without_it():
    text = ("Charcot-Marie-Tooth disease type 1A (CMT1A) is the most common type. Signs of "
            "CMT1A vary a lot. Some people with CMT need braces.\n")
    assert flagged(text) == []
    # but a code is not the start of a longer one: "CD7" after "CD79a"
    text = "The cells carry CD79a (a protein). Some also carry CD7.\n"
    assert [s for s, _, _ in flagged(text)] == ["CD7"]
    # with a dash before the number too; and only after it was explained, not merely met
    text = ("People with Charcot-Marie-Tooth disease type 1A (CMT-1A) vary. Some people with "
            "CMT need braces.\n")
    assert flagged(text) == []
    text = "Tests of TSC2 vary. The TSC clinic is new.\n"
    assert [s for s, _, _ in flagged(text)] == ["TSC2", "TSC"]


def test_a_term_run_together_with_its_explanation_is_met_there():
    # a dash lost between a term and what explains it: "gastroenterologista doctor who ..."
    # is the term's first use, explained, so its later uses are not reported
    text = ("A gastroenterologista doctor who treats the gut will see you.\n\n"
            "Later the gastroenterologist does a test.\n")
    assert flagged(text) == []
    text = "You will see a doctor.\n\nLater the gastroenterologist does a test.\n"
    assert [s for s, _, _ in flagged(text)] == ["gastroenterologist"]
    # a space lost before a word that joins is no explanation
    text = "You may see a gastroenterologistor a surgeon.\n\nLater the gastroenterologist " \
        "does a test.\n"
    assert [s for s, _, _ in flagged(text)] == ["gastroenterologist"]
    text = "It causes hyperkalemiaand weakness. Later hyperkalemia returns.\n"
    assert [s for s, _, _ in flagged(text)] == ["hyperkalemia"]


def test_a_word_joined_by_hyphens_is_reported_whole():
    # the reader meets "salpingo-oophorectomy" as one word: one report, the whole word
    assert flagged("She had a salpingo-oophorectomy last year.\n") == \
        [("salpingo-oophorectomy", 1, 11)]
    assert [s for s, _, _ in flagged("He had tonic-clonic seizures.\n")] == \
        ["tonic-clonic seizures"]
    # a term and a common word after it: the term alone
    assert [s for s, _, _ in flagged("She had warfarin-induced bleeding.\n")] == ["warfarin"]
    # a dash lost before what explains a term is no part of it
    assert [s for s, _, _ in flagged("Your vulvodynia-the pain will ease.\n")] == ["vulvodynia"]
    assert [s for s, _, _ in flagged("It presses on the chiasm-where nerves cross.\n")] == \
        ["chiasm"]
    for text, term in (("She has hyperkalemia-high potassium.\n", "hyperkalemia"),
                       ("See the nephrologist-your kidney doctor.\n", "nephrologist"),
                       ("Take statin-only pills.\n", "statin")):
        assert [s for s, _, _ in flagged(text)] == [term], text


def test_a_word_of_health_pages_that_english_seldom_uses_is_hard():
    # "glycogen" (Zipf 2.8) and "autosomal" are far more common on health pages than in
    # English (data/health-words.tsv); "insufficiency" is "insufficient" with a common ending
    assert [t for t, *_ in flagged("Glycogen builds up in the liver.")] == ["Glycogen"]
    assert [t for t, *_ in flagged("It is inherited in an autosomal recessive manner.")] == \
        ["autosomal recessive"]
    assert flagged("Signs include respiratory insufficiency.") == []
    off = Config(raw_rules={"undefined-jargon": {**EVERY_TERM, "skip_glossary_terms": False,
                                                 "health_max_zipf": 0}})
    assert flagged("Glycogen builds up in the liver.", config=off) == []
    # a word and its plural are one ("polyp" is listed as it is counted, in its plain form)
    assert [t for t, *_ in flagged("They found a polyp.")] == ["polyp"]
    assert [t for t, *_ in flagged("They found polyps in the colon.")] == ["polyps"]


def test_what_a_phrase_the_term_begins_means_explains_it():
    assert flagged("It has an autosomal dominant pattern of inheritance, which means one "
                   "copy of the altered gene is enough to cause the disorder.") == []
    # not what a whole clause means, nor a phrase that is no noun phrase the term begins
    for text, term in (("Cystinosis is common in Brittany, which means many families there "
                        "know it.", "Cystinosis"),
                       ("Cystinosis runs in families, which means many people get it.",
                        "Cystinosis"),
                       ("She took cisplatin for two weeks, which means her hearing may "
                        "change.", "cisplatin"),
                       ("The child has glycogen in the urine, which means the kidneys leak.",
                        "glycogen")):
        assert [t for t, *_ in flagged(text)] == [term], text


def test_the_health_words_shipped_are_what_their_learning_keeps(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "tools"))
    import learn_health_words as learned

    from readlint.hardness import family_zipf

    rows = [line.split("\t") for line in learned.OUT.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "word\t"))]
    assert len(rows) > 100
    for word, _uses, pages in rows:
        # (a plain form may be rarer than MIN_ZIPF, "ascite", when a form written is not)
        assert family_zipf(word) < learned.MAX_ZIPF, word
        assert int(pages) >= learned.MIN_PAGES and not learned.from_everyday(word), word
    # a plain form is as common as its most common form written: not "alway" (from
    # "always"), "impair" ("impaired", Zipf 3.7), "bacterium" ("bacteria")
    words = {word for word, *_ in rows}
    assert not words & {"alway", "impair", "bacterium"}
    assert learned.from_everyday("insufficiency") and learned.from_everyday("infantile")
    assert not learned.from_everyday("gestational")  # "gestation" is no everyday word


def test_a_next_sentence_may_name_the_term_with_the_word_before_it():
    # the term found is "venous catheter"; the next sentence explains "a central venous
    # catheter"
    assert flagged("Some people have a central venous catheter. A central venous catheter "
                   "is a tube placed in a vein.") == []
    # but another word before it makes another subject: "Severe thrombocytopenia is a reason"
    assert [t for t, *_ in flagged("She has thrombocytopenia. Severe thrombocytopenia is a "
                                   "reason to wait.")] == ["thrombocytopenia"]


def test_non_and_an_everyday_word_is_everyday_in_a_glossary_too():
    assert flagged("The liver turns it into a nontoxic form.") == []


def test_a_name_reported_whole_is_not_reported_again_from_its_glossary_word():
    # "hypophosphatemic rickets" is taken whole the first time; later "rickets", a word of
    # the glossaries, grows back into the same name: one problem, not two
    text = ("Phosphate supplements may harm children with hypophosphatemic rickets. "
            "Autosomal dominant hypophosphatemic rickets is rare.")
    assert [t.lower() for t, *_ in flagged(text)].count("hypophosphatemic rickets") == 1


@pytest.mark.parametrize("text, glued, parted", [
    ("Most people have bouts ofsleep during the day.", "ofsleep", "of sleep"),
    ("Some children haveanemia after treatment.", "haveanemia", "have anemia"),
    # two of the commonest words, however short
    ("Rest at homeit works well.", "homeit", "home it"),
    ("When backflow occurs, itcan get worse.", "itcan", "it can"),
])
def test_a_small_word_glued_to_the_word_after_it_is_named_as_such(text, glued, parted):
    found = lint(text, select="undefined-jargon", config=ALL_TERMS)
    assert [p.message for p in found] == [
        f'"{glued}" looks like two words run together: "{parted}". Separate them with a space '
        'or a dash.']


def test_only_the_words_run_together_of_a_longer_term_are_named():
    # "havecoronary microvascular": the problem is "havecoronary", not the term after it
    text = "People who havecoronary microvascular disease may have chest pain.\n"
    (problem,) = lint(text, select="undefined-jargon", config=ALL_TERMS)
    assert (problem.subject, problem.column, problem.end_column) == ("havecoronary", 12, 24)
    assert problem.message.startswith('"havecoronary" looks like two words run together: '
                                      '"have coronary".')


def test_a_glossary_word_is_not_read_as_words_run_together():
    # "Cantron", the NCI dictionary's, is no "Can tron"
    assert not any("run together" in p.message for p in lint(
        "Some people take Cantron for cancer.\n", select="undefined-jargon", config=ALL_TERMS))


def test_words_that_begin_with_a_small_word_are_words_of_their_own():
    # words that begin with "a" or "in" are words of their own: not "a morph", "in folding"
    for text in ("The crystals were amorph.", "There was infolding of the wall."):
        assert not any("run together" in p.message
                       for p in lint(text, select="undefined-jargon", config=ALL_TERMS)), text


def test_a_next_sentence_may_explain_the_term_by_its_initials():
    assert flagged("Some disorders have orthostatic intolerance (OI) as their main sign. OI "
                   "describes a condition in which too little blood returns to the heart.") == []
    # initials that are not the term's explain nothing
    assert [t for t, *_ in flagged("Some disorders have orthostatic intolerance as their "
                                   "main sign. OTC describes medicines sold without a "
                                   "prescription.")] == ["orthostatic intolerance"]


def test_the_words_writers_explain_shipped_are_what_their_learning_keeps(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "tools"))
    import learn_explained_terms as learned

    from readlint.vocabulary import readable_parts, writers_explain

    rows = [line.split("\t") for line in learned.OUT.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "word\t"))]
    assert len(rows) > 100
    for word, pages, explained in rows:
        assert int(explained) >= learned.MIN_PAGES, word
        assert int(explained) >= learned.MIN_SHARE * int(pages), word
        assert not readable_parts(word), word  # a prefix and an everyday word
    assert writers_explain("scoliosis", "scoliosis")
    # explained on 5 of 25 pages, but read from its parts: "osteo" and "arthritis"
    assert not writers_explain("osteoarthritis", "osteoarthritis")
    assert "osteoarthritis" not in [t for t, *_ in flagged("Osteoarthritis can cause pain.\n")]


@pytest.mark.parametrize("text, term", [
    # the short form readers know it by, in brackets after it
    ("High resolution computed tomography (CT) of the lungs was done.\n", "tomography"),
    ("An electrocardiogram (ECG) checks the heart's rhythm.\n", "electrocardiogram"),
    # a next sentence that explains the term without its common last word
    ("It follows autosomal recessive inheritance. Autosomal recessive means both copies of "
     "a gene have changes.\n", "autosomal recessive inheritance"),
])
def test_a_known_short_form_or_the_term_s_own_words_explained_next(text, term):
    assert term not in [s for s, _, _ in flagged(text)]


def test_without_a_known_short_form_the_term_is_still_reported():
    assert "tomography" in [s for s, _, _ in flagged(
        "Doctors may use computed tomography to look inside.\n")]
    assert "electrocardiogram" in [s for s, _, _ in flagged(
        "An electrocardiogram checks the heart's rhythm.\n")]


def test_more_words_run_together_and_frequent_misspellings_are_named_as_such():
    found = messages(
        "This is done with a thoracentesis. The risks of thoracentesissuch as pain are minor. "
        "The kidneys remove creatininewaste "
        "from the blood. A fever that lasts longer than5days needs care. It is common in "
        "children with conditions such asasthma. Here are common symtoms of the disorder. "
        "It showed a histotype of its own. The bowel shows atony. Villitiny bumps line the "
        "gut.\n")
    assert '"thoracentesis such"' in found["thoracentesissuch"]
    # a plural in "-i" before a common word (a combining form ends in "-o": "Centronuclear")
    assert '"Villi tiny"' in found["Villitiny"]
    assert '"creatinine waste"' in found["creatininewaste"]
    assert '"than 5 days"' in found["than5days"]
    assert '"as asthma"' in found["asasthma"]
    assert 'misspelling of "symptoms"' in found["symtoms"]  # a frequent misspelling
    # a common word that ends medical words, and a word in use a letter longer than another
    assert found["histotype"].startswith("Readers may not know the term")
    assert found["atony"].startswith("Readers may not know the term")


def test_a_heading_that_asks_with_the_plain_word_explains_the_term():
    outlook = ("# Rett syndrome\n\n## What is the outlook for Rett syndrome?\n\n"
               "Little is known about the long-term prognosis.\n")
    assert flagged(outlook) == []
    assert [t for t, *_ in flagged(outlook.replace("the outlook for", "the cause of"))] == \
        ["prognosis"]


def test_a_heading_explains_only_the_term_it_is_about():
    page = ("# Bile duct cancer\n\n## What is prognosis?\n\n"
            "The prognosis depends on the stage.\n")
    assert flagged(page) == []  # the section is about the term
    # a heading that names the term among other things is about something else
    assert [t for t, *_ in flagged(page.replace("What is prognosis", "What affects bile "
                                                "duct cancer prognosis"))] == ["prognosis"]
    # "WHO" is no question word
    graded = "# Tumors\n\n## WHO grade 4 astrocytoma\n\nAn astrocytoma grows fast.\n"
    assert flagged(graded) == []


@pytest.mark.parametrize("text, term", [
    ("It is present in the nose, airways (trachea and bronchi), and external ears.\n",
     "trachea"),
    ("It causes narrowing or blockage of the anus (anal stenosis or anal atresia).\n",
     "anal stenosis"),
])
def test_terms_in_brackets_after_the_plain_words_for_them(text, term):
    assert term not in [s for s, _, _ in flagged(text)]
    assert term in [s for s, _, _ in flagged(f"Doctors checked the {term}.\n")]


@pytest.mark.parametrize("text, term", [
    ("They used calcium channel blockers (i.e. nifedipine) to relax it.\n", "nifedipine"),
    ("Some jobs carry risks. Workers handle chemicals - for example, chlorine, ammonia, and "
     "benzene.\n", "benzene"),
    ("Treatment may involve high-dose methotrexate and rest.\n", "methotrexate"),
])
def test_a_kind_then_for_example_or_a_treatment_that_involves_it(text, term):
    assert term not in [s for s, _, _ in flagged(text)]
    assert term in [s for s, _, _ in flagged(f"He took {term} on Monday.\n")]


def test_a_plural_abbreviation_is_as_known_as_its_singular():
    found = [s for s, _, _ in flagged("Limit TVs, DVDs and MRIs. The study reported ORs for "
                                      "each group. Patients took TKIs for a year.\n")]
    assert "TVs" not in found and "DVDs" not in found and "MRIs" not in found
    assert "ORs" in found and "TKIs" in found  # "OR" is no "or"; "TKI" is rare


def test_explained_right_after_its_pronunciation_key():
    text = "Red blood cells contain hemoglobin (HEE-muh-glow-bin){}\n"
    assert flagged(text.format(", an iron-rich protein that carries oxygen.")) == []
    assert [t for t, *_ in flagged(text.format(" in large amounts."))] == ["hemoglobin"]


def test_a_pronunciation_key_written_with_spaces_is_no_abbreviation():
    # "RYE" is a syllable of the key, as "RYE" in "(sow-RYE-uh-sis)" would be
    assert flagged("Psoriasis (sow RYE uh sis) is a chronic skin disease.\n") == []
    # a bracket of words or abbreviations is no key: small words, long words, unlike letters
    from readlint.prose import spaced_pronunciation_keys
    for text in ("Mutations in VHL disease (the VHL gene) are rare.",
                 "Doctors use imaging (CT or MRI) to look.", "in advanced disease (FIGO stage IA)",
                 "Lymphoma (AITL or ATCL) is rare.", "Psoriasis (sow-RYE-uh-sis) is common."):
        assert spaced_pronunciation_keys(text) == (), text


@pytest.mark.parametrize("text, term", [
    # an everyday short form that does not stand for the term
    ("You will get vancomycin (IV) for two weeks.\n", "vancomycin"),
    ("Patients with cryptococcosis (HIV) need care.\n", "cryptococcosis"),
    # a list of examples ends where its brackets shut
    ("He took steroids (e.g., prednisone), azathioprine or cyclosporine.\n", "azathioprine"),
    ("The most common problems (i.e., in many patients) were nausea and stomatitis.\n",
     "stomatitis"),
    # an adjective, a role or a cause names no kind
    ("Complications can be dangerous, for example, agranulocytosis.\n", "agranulocytosis"),
    ("Some causes, for example, hemochromatosis, are inherited.\n", "hemochromatosis"),
    # the subject of a clause after a treatment, not one of the treatments
    ("Most people are treated with surgery, and lymphedema may follow.\n", "lymphedema"),
])
def test_readings_that_do_not_say_what_the_term_is(text, term):
    assert term in [s for s, _, _ in flagged(text)]


def test_no_run_together_message_for_codes_nor_short_seldom_words():
    found = messages(
        "It binds the alpha2delta-1 subunit. It is usual caree for them.\n")
    assert all(m.startswith("Readers may not know") for m in found.values()), found


@pytest.mark.parametrize("text, term", [
    ("People with a mutation in another gene, HFE, are affected too.\n", "HFE"),
    ("Many adults also have aphasia, (difficulty in expressing oneself when speaking).\n",
     "aphasia"),
])
def test_another_kind_before_and_a_bracket_after_a_comma(text, term):
    assert term not in [s for s, _, _ in flagged(text)]
    assert term in [s for s, _, _ in flagged(text.replace("another gene, ", "").replace(
        ", (difficulty in expressing oneself when speaking)", " for years"))]


_SIGNS_AND_PROSE = """\
A child with UI may not stay dry at night. Your doctor may suggest a nephrectomy.

Signs include: Aplasia of the thumb 90%, Cryptorchidism 50%, Ptosis 50%, Brachydactyly 7.5%.

The symtpoms last a week. Hyperkalemia is rare.
"""


def _scores_by_word_before(tokens: dict[str, float]):
    """A model that gives a prose flag the chance 1/(1+e^-w), w the weight of the word just
    before the term (0 for any other: a chance of 0.5)."""
    from readlint import jargon_model

    zero = tuple(0.0 for _ in jargon_model.FEATURES)
    return jargon_model.JargonModel(zero, 0.0, tokens)


def test_min_confidence_hides_prose_terms_the_model_doubts(monkeypatch):
    """With min_confidence, a term in running prose is shown only when the model gives its
    flag at least that chance; terms in a flattened list of signs (not prose: nearly always
    right, by the readings) and misspellings are always shown, whatever the model says."""
    from readlint import jargon_model

    every = [t for t, _, _ in flagged(_SIGNS_AND_PROSE)]
    assert every == ["UI", "nephrectomy", "Aplasia", "Cryptorchidism", "Ptosis", "symtpoms",
                     "Hyperkalemia"]
    doubted = _scores_by_word_before({"just before:with": -3.0, "just before:a": +3.0,
                                      "just before:include": -3.0, "just before:the": -3.0})
    monkeypatch.setattr(jargon_model, "model", lambda: doubted)
    quiet = Config(raw_rules={"undefined-jargon": {"skip_glossary_terms": False,
                                                   "min_confidence": 0.6}})
    # "with UI" and "Hyperkalemia" at a sentence's start (0.5) are hidden, "a nephrectomy"
    # (0.95) is kept; the list of signs and the misspelling stay
    assert [t for t, _, _ in flagged(_SIGNS_AND_PROSE, quiet)] == \
        ["nephrectomy", "Aplasia", "Cryptorchidism", "Ptosis", "symtpoms"]
    # 0 (the rule's own default) shows every term without asking the model
    monkeypatch.setattr(jargon_model, "model", lambda: 1 / 0)
    assert [t for t, _, _ in flagged(_SIGNS_AND_PROSE)] == every


def test_the_rule_sets_hide_the_prose_terms_the_model_finds_unlikely(monkeypatch):
    """The rule sets as shipped show a term in running prose when the model gives it at least
    a chance in five (0.2): "with UI" (0.18) is hidden, "Hyperkalemia" after "week" (0.22) is
    shown; so is everything outside prose."""
    from readlint import jargon_model

    doubted = _scores_by_word_before({"just before:with": -1.52, "just before:week": -1.27,
                                      "just before:a": +3.0})
    monkeypatch.setattr(jargon_model, "model", lambda: doubted)
    shipped = Config(raw_rules={"undefined-jargon": {"skip_glossary_terms": False}})
    for audience in ("patient", "caregiver"):
        assert [t for t, _, _ in flagged(_SIGNS_AND_PROSE, shipped, audience)] == \
            ["nephrectomy", "Aplasia", "Cryptorchidism", "Ptosis", "symtpoms", "Hyperkalemia"]
    # and for professionals the rule is off
    assert flagged(_SIGNS_AND_PROSE, shipped, "professional") == []


def test_without_a_model_every_term_is_shown(monkeypatch, tmp_path):
    """A model file that is missing, or not for these features, hides nothing."""
    from readlint import jargon_model

    quiet = Config(raw_rules={"undefined-jargon": {"skip_glossary_terms": False,
                                                   "min_confidence": 0.9}})
    every = [t for t, _, _ in flagged(_SIGNS_AND_PROSE)]
    for text in (None, '{"features": ["zipf"], "weights": [1.0], "intercept": 0}',
                 '{"weights": "none"}', "[1, 2]"):
        path = tmp_path / "jargon-model.json"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(jargon_model, "MODEL_PATH", path)
        jargon_model.model.cache_clear()
        try:
            assert jargon_model.model() is None
            assert [t for t, _, _ in flagged(_SIGNS_AND_PROSE, quiet)] == every
        finally:
            jargon_model.model.cache_clear()


def test_the_bundled_model_weighs_prose_flags_only():
    """The shipped model loads, and weighs each term in prose: its chance decides, the list of
    signs and the misspelling are not weighed."""
    from readlint import document, jargon_model
    from readlint.checks.undefined_jargon import UndefinedJargon

    model = jargon_model.model()
    assert model is not None
    rule = UndefinedJargon()
    options = {**rule.default_options(), "skip_glossary_terms": False}
    weighed = rule.weighed(document.parse(_SIGNS_AND_PROSE, "x.md"), options)
    chances = {p.subject: None if v is None else model.chance(v) for p, v in weighed}
    assert [t for t, c in chances.items() if c is None] == ["Aplasia", "Cryptorchidism",
                                                            "Ptosis", "symtpoms"]
    assert all(0.0 < c < 1.0 for c in chances.values() if c is not None)
    quiet = Config(raw_rules={"undefined-jargon": {"skip_glossary_terms": False,
                                                   "min_confidence": 0.6}})
    assert [t for t, _, _ in flagged(_SIGNS_AND_PROSE, quiet)] == \
        [t for t, c in chances.items() if c is None or c >= 0.6]


@pytest.mark.parametrize("text", [
    # a chromosome's band is a place, not a term
    "People with it miss a piece of chromosome 16 at a location designated p13.3.\n",
    "The gene sits at a location designated q11.2 on the long arm.\n",
    "A deletion at 22q11.2 or Xq28 causes it.\n",
    # examples of a kind after "namely", the names a kind is, a treatment by what it relieves
    "It cannot use protein building blocks (amino acids), namely lysine and ornithine.\n",
    "The most commonly affected genes are NPM1, FLT3, and DNMT3A.\n",
    "Pain is relieved by nitroglycerin.\n",
    # a name the glossary word ends, explained by its initials in the next sentence
    "Some people get infective endocarditis (IE). IE is an infection of the heart's lining.\n",
])
def test_round_14_readings_of_what_the_term_is(text):
    assert flagged(text) == []


@pytest.mark.parametrize("text, term", [
    ("Some people get infective endocarditis. It can harm the heart.\n",
     "infective endocarditis"),
    ("CB1 receptors and 5-HT3 receptors are colocalized on neurons.\n", "colocalized"),
    ("CB1 receptors are colocalized.\n", "colocalized"),  # it describes them; no name
    ("Vitamins are micronutrients.\n", "micronutrients"),
    ("The early form comes with hydrops fetalis, inguinal hernia, and hepatosplenomegaly.\n",
     "hepatosplenomegaly"),  # "form of ... is associated with" names no kind
    ("The early form of galactosialidosis is associated with hepatosplenomegaly.\n",
     "hepatosplenomegaly"),
])
def test_still_reported_after_round_14(text, term):
    assert term in [t for t, _, _ in flagged(text)]


def test_a_word_run_together_with_may_is_named_as_such():
    (problem,) = lint("Too much cortisolmay cause weight gain.\n", select="undefined-jargon",
                      config=ALL_TERMS)
    assert problem.message.startswith('"cortisolmay" looks like two words run together: '
                                      '"cortisol may"')


@pytest.mark.parametrize("text, expected", [
    # the reason a pattern of inheritance is given says what it means
    ("It is inherited in an autosomal dominant pattern because one copy of the altered gene in "
     "each cell is sufficient to cause the disorder.\n", []),
    ("It shows incomplete penetrance because not everyone who inherits the altered gene gets "
     "the disease.\n", []),
    # another reason does not
    ("It is inherited in an autosomal dominant pattern because the gene is on chromosome 4.\n",
     ["autosomal"]),
])
def test_a_reason_that_says_what_a_pattern_of_inheritance_means(text, expected):
    assert [t for t, _, _ in flagged(text)] == expected


@pytest.mark.parametrize("text, explained", [
    # "sporadically", with what it means or what it is set against
    ("Most cases occur sporadically in people with no family history of the condition.", True),
    ("The deletion often occurs sporadically as a random event.", True),
    ("It can be inherited or can occur sporadically.", True),
    ("Most cases are sporadic, occurring in people with no family history.", True),
    ("It can happen sporadically in a family. Sporadic means that it occurred by chance.",
     True),
    ("Most often AVMs are congenital, but they can appear sporadically.", False),
    # what the next sentence says of other things does not explain it
    ("The rash appears sporadically. A random blood sugar test may help.", False),
    ("Why do cases occur sporadically? Nobody knows why. It is not inherited.", False),
    ("It is a multifactorial condition which is likely associated with the effects of multiple "
     "genes in combination with lifestyle.", True),
    ("Cancer risk is multifactorial. It is influenced by genetic, environmental, and lifestyle "
     "factors.", True),
    ("It is multifactorial. Multiple genes and the environment play a part.", True),
    ("The cause is considered multifactorial.", False),
    ("It is multifactorial, and many families seek genetic counseling.", False),
    ("Is it multifactorial? Nobody knows. Doctors think several genes play a part.", False),
    ("It is multifactorial. Many people have it. Several genes play a part.", False),
])
def test_what_multifactorial_and_sporadic_mean_said_in_their_sentence(text, explained):
    word = re.search(r"multifactorial|sporadic(?:ally)?", text).group()
    at = text.index(word)
    assert nearby.inheritance_explained(text, at, at + len(word)) is explained


def test_a_word_after_a_better_known_form_of_it_is_known():
    assert flagged("The neurological exam was abnormal. Some neurologic problems are rare.\n") \
        == []
    assert flagged("Neurological exams help. Some neurologic problems are rare.\n") == []
    # not before it, nor on its own
    assert [t for t, _, _ in flagged("Some neurologic problems are rare. The neurological "
                                     "exam was normal.\n")] == ["neurologic"]
    assert [t for t, _, _ in flagged("Some neurologic problems are rare.\n")] == ["neurologic"]
    # nor an adjective after the everyday noun it is formed from
    assert flagged("It affects the retina, the layer of cells that sense light, and immature "
                   "retinal cells grow.\n") == []
    assert [t for t, _, _ in flagged("Immature retinal cells grow.\n")] == ["Immature retinal"]
    # a noun in "-ion" after its verb met as a term, reported or explained there; not after
    # a verb taken as known ("ingesting")
    assert [t for t, _, _ in flagged("The doctor will ablate the tissue. Ablation is common "
                                     "now.\n")] == ["ablate"]
    assert [t for t, _, _ in flagged("It is a hypomyelinating disease. Hypomyelination "
                                     "shows on scans.\n")] == ["hypomyelinating"]
    assert [t for t, _, _ in flagged("Snails get infected by ingesting the larvae. Ingestion "
                                     "of snails is risky.\n")] == ["Ingestion"]
    # and a verb after its noun in "-ion" or "-ment", met as a term
    assert [t for t, _, _ in flagged("Ablation is common now. The doctor will ablate the "
                                     "tissue.\n")] == ["Ablation"]
    assert flagged("The cervix becomes thinner. This is called effacement. Do not push until "
                   "it is fully effaced.\n") == []
    assert [t for t, _, _ in flagged("Do not push until it is fully effaced.\n")] == ["effaced"]
    # one hard form after the other is met
    assert [t for t, _, _ in flagged("The ophthalmological exam. Ophthalmologic problems.\n")] \
        == ["ophthalmological"]


def test_an_item_of_a_table_of_signs_run_into_a_line_is_reported_whole():
    text = ("Signs and Symptoms Approximate number of patients (when available) Optic atrophy "
            "90% Anal stenosis 7.5% Hepatic encephalopathy -\n")
    assert [t for t, _, _ in flagged(text)] == ["Optic atrophy", "Anal stenosis",
                                                "Hepatic encephalopathy"]
    # after an item's dash too
    assert [t for t, _, _ in flagged("Signs include Microcephaly - Optic atrophy -\n")] == \
        ["Optic atrophy"]
    # a capital inside a sentence is still a name's: not taken into the term
    assert [t for t, _, _ in flagged("Most had Optic atrophy.\n")] == ["atrophy"]


@pytest.mark.parametrize("text, expected", [
    # what a thing is used for says what it is
    ("The nurse uses a speculum to gently open your vagina.\n", []),
    ("Others use a minicycler to perform exchanges at night.\n", []),
    ("Doctors use a shunt to drain excess water.\n", []),
    # not a way through it, nor "to be", nor a word after "to" that is no verb
    ("The nerves pass through the vertebrae to reach the back muscles.\n", ["vertebrae"]),
    ("Doctors used the cystoscope to be sure.\n", ["cystoscope"]),
    ("They used the cystoscope to no avail.\n", ["cystoscope"]),
])
def test_what_a_thing_is_used_for_explains_it(text, expected):
    assert [t for t, _, _ in flagged(text)] == expected


def test_a_small_word_run_together_with_a_word_the_page_uses():
    text = ("Children can get foratherosclerosis early. Atherosclerosis is a buildup of plaque "
            "in the arteries.\n")
    (problem,) = lint(text, select="undefined-jargon", config=ALL_TERMS)
    assert problem.message.startswith('"foratherosclerosis" looks like two words run together: '
                                      '"for atherosclerosis"')


@pytest.mark.parametrize("text", [
    # words blind readings found readers know (data/everyday-health-words.txt)
    "Children with hyperactivity may need extra help at school.\n",
    "Avoid ingesting soil where the worms live.\n",
    "The immune system fights invaders such as germs.\n",
])
def test_words_readers_know_by_the_readings(text):
    assert flagged(text) == []


@pytest.mark.parametrize("title, text, reported", [
    # a word that only begins like a title word is not the page's subject
    ("Managing Your Hypertension", "Some people get hyperkalemia.", ["hyperkalemia"]),
    ("Cardiovascular disease", "Some people get cardiomyopathy.", ["cardiomyopathy"]),
    # another form of a title word, or two title words written as one, is
    ("Ascites and Cancer", "The ascitic fluid is drained.", []),
    ("Leukemia in children", "Leukemic cells fill the marrow.", []),
    ("Immune deficiency in children", "Immunodeficiency can be inherited.", []),
    ("Arthritis at home", "Arthritic joints ache.", []),
    # another disease of the same root is not the subject: a hepatoma is no hepatitis
    ("Hepatitis B", "It can lead to hepatoma.", ["hepatoma"]),
])
def test_the_pages_subject_is_a_title_word_or_a_form_of_one(title, text, reported):
    page = f"---\ntitle: {title}\naudienceLevel: patient\nlanguage: en\n---\n\n{text}\n"
    found = lint(page, select="undefined-jargon", config=RULE_SET_OPTIONS)
    assert [p.subject for p in found] == reported, [p.message for p in found]


def test_a_plain_noun_after_a_comma_with_what_made_it_explains_the_term():
    page = "---\ntitle: Food safety\naudienceLevel: patient\nlanguage: en\n---\n\n{}\n"
    assert lint(page.format("Avoid aflatoxins, toxins made by a mold."),
                select="undefined-jargon", config=RULE_SET_OPTIONS) == []
    assert [p.subject for p in lint(page.format("Avoid aflatoxins in stored grain."),
                                    select="undefined-jargon",
                                    config=RULE_SET_OPTIONS)] == ["aflatoxins"]


def test_a_term_explained_where_a_capital_makes_it_look_like_a_name():
    # GARD's list of findings run into one line: each item in capitals, explained in
    # brackets; the table of signs below uses the term again in small letters
    findings = ("Although the signs may vary, the following findings may be present: Finger "
                "findings Clinobrachydactyly {} Polydactyly (presence of more than five "
                "fingers) Other findings. Signs and Symptoms Approximate number of patients "
                "Finger syndactyly 90% Cleft palate 90%\n")
    assert "syndactyly" not in [s.lower() for s, _, _ in flagged(findings.format(
        "(narrow, short fingers) Syndactyly (fused fingers and toes)"))]
    # not explained where it stands with its capital: its later use is reported
    assert ("syndactyly", 1, 262) in flagged(findings.format(
        "(narrow, short fingers) Syndactyly,"))


def test_a_paragraph_further_down_that_opens_with_the_term_and_says_what_it_is():
    text = ("Your doctor may suggest surgery with cold knife conization.\n\n"
            "Surgery is done in a hospital.\n\n"
            "### Cone biopsy\n\n"
            "Cold knife conization uses a sharp knife to remove a cone of tissue.\n")
    assert flagged(text) == []
    # not what it causes, nor past the start of another part of the page
    causes = text.replace("Cold knife conization uses a sharp knife to remove",
                          "Cold knife conization may cause bleeding after removing")
    assert [s for s, _, _ in flagged(causes)] == ["cold knife conization"]
    other_part = text.replace("### Cone biopsy", "## After treatment")
    assert [s for s, _, _ in flagged(other_part)] == ["cold knife conization"]
    # nor what is done with it, how it is, or what it does after an article
    for said in ("Cold knife conization is done under general anesthesia.",
                 "Cold knife conization is not painful for most people.",
                 "The cold knife conization will help your doctor find cancer."):
        later = text.replace("Cold knife conization uses a sharp knife to remove a cone of "
                             "tissue.", said)
        assert [s for s, _, _ in flagged(later)] == ["cold knife conization"], said
    # "is a ...", after an article too
    is_a = text.replace("Cold knife conization uses", "The cold knife conization is a way")
    assert flagged(is_a) == []


def test_a_section_of_its_own_further_up_explains_the_term():
    page = ("# Bladder cancer\n\n## Treatment\n\n#### Transurethral resection (TUR)\n\n"
            "During TUR, the doctor takes out the tumor with a thin tube put into the "
            "bladder.\n\n## Late effects\n\nLate effects may follow:\n\n"
            "- transurethral resection\n- radiation therapy\n")
    assert "transurethral resection" not in [t for t, *_ in flagged(page)]
    # a heading that names more than the term is about something else
    other = page.replace("#### Transurethral resection (TUR)",
                         "#### Transurethral resection and radiation")
    assert "transurethral resection" in [t for t, *_ in flagged(other)]
    # nor a heading with nothing but a list under it, nor one below the use
    listed = page.replace("During TUR", "- During TUR")
    assert "transurethral resection" in [t for t, *_ in flagged(listed)]
    # brackets in the heading that hold more than an abbreviation make it about more
    longer = page.replace("(TUR)", "(for small tumors)")
    assert "transurethral resection" in [t for t, *_ in flagged(longer)]
    below = ("# Bladder cancer\n\nLate effects may follow transurethral resection.\n\n"
             "#### Transurethral resection\n\nThe doctor takes out the tumor.\n")
    assert [t for t, *_ in flagged(below)] == ["transurethral resection"]


def test_an_ending_spelled_the_other_way_is_named_as_a_misspelling():
    found = messages(
        "True interval cancers were not detectible at the time of last screening, and "
        "they had a tendancy to grow.\n")
    assert 'misspelling of "detectable"' in found["detectible"]
    assert 'misspelling of "tendency"' in found["tendancy"]


def test_a_gene_named_with_its_kinase_is_no_abbreviation_to_spell_out():
    assert flagged("One of the drug's targets is RET kinase, found in thyroid cells.\n") == []
    assert flagged("Mutations activate the KIT or PDGFRA kinases in the tumor.\n") == []
    assert [t for t, *_ in flagged("The drug's target is RET, found in thyroid cells.\n")] \
        == ["RET"]


def test_what_a_term_is_said_after_the_number_of_its_type_explains_it():
    page = ("Children with neurofibromatosis 1 (NF1), a genetic disorder that causes tumors to "
            "form on nerves, were treated.\n")
    assert flagged(page) == []
    assert flagged(page.replace(" 1 (NF1)", " type 1")) == []
    assert flagged(page.replace(" 1 (NF1)", " Type 1")) == []
    # not a comma that closes a phrase
    assert [t for t, *_ in flagged("In people with neurofibromatosis 2, the nerves grow "
                                   "tumors.\n")] == ["neurofibromatosis"]
    # what brackets after the number say is no explanation, nor an abbreviation with a space
    found = "It was seen with neurofibromatosis type 1 (found in 8.5% of patients)."
    assert not explained_in(found, found.index("neuro"), found.index(" type"))
    assert [t for t, *_ in flagged("Rule out multiple endocrine neoplasia type 1 (MEN 1) and "
                                   "jaw tumor syndrome (HPT-JT) first.\n")] == ["neoplasia"]


def test_an_everyday_thing_before_or_other_names_the_kind():
    assert flagged("The bank keeps blood or other biospecimens for research.\n") == []
    # not a small word, nor a term, before "or other"
    assert [t for t, *_ in flagged("The bank keeps these or other biospecimens.\n")] == \
        ["biospecimens"]
    # nor after a rarer word joined to it by a hyphen
    assert [t for t, *_ in flagged("It responds to corticosteroid-therapy or other "
                                   "immunosuppressive therapies.\n")] == \
        ["immunosuppressive therapies"]


def test_bodies_backing_a_meeting_are_names():
    assert flagged("It was an NCI/NIEHS-sponsored meeting on breast cancer.\n") == []
    # a code before "-associated" or "-supported" may be anything: "ECMO-supported care"
    assert [t for t, *_ in flagged("Patients on ECMO-supported care did well.\n")] == ["ECMO"]
    # a status says no more of what HER2 is
    assert [t for t, *_ in flagged("Tumors may be HER2-negative in some women.\n")] == ["HER2"]
    assert [t for t, *_ in flagged("The NIEHS met on breast cancer.\n")] == ["NIEHS"]


def test_a_greek_noun_and_its_adjective_are_one_term():
    page = ("The scan found a metastasis in the liver. People with metastatic disease "
            "have other care. The distant metastasis was small.\n")
    assert [t for t, *_ in flagged(page)] == ["metastasis"]
    assert [t for t, *_ in flagged(page.replace("a metastasis in", "a tumor in"))] == \
        ["metastatic"]


def test_a_paragraph_further_down_that_names_the_term_after_saying_what_it_is():
    page = ("The study followed women with peripartum cardiomyopathy.\n\n"
            "Doctors know little about a rare type of heart failure during pregnancy called "
            "peripartum cardiomyopathy.\n")
    assert flagged(page) == []
    # not a name given with too few words to say what it is
    assert [t for t, *_ in flagged(page.replace("Doctors know little about a rare type of "
                                                "heart failure during pregnancy called",
                                                "It is called"))] == \
        ["peripartum cardiomyopathy"]


def test_a_list_item_further_down_says_what_things_of_a_kind_are():
    page = ("Ask your doctor about aminosalicylates at the next visit.\n\n"
            "Most people see the doctor twice a year.\n\n"
            "Aminosalicylates are medications that help control inflammation.\n")
    assert flagged(page) == []
    # what causes them, or what is done with them, says not what they are
    assert [t for t, *_ in flagged(page.replace("medications that help control",
                                                "caused by changes that start"))] == \
        ["aminosalicylates"]
    assert [t for t, *_ in flagged(page.replace("are medications that help control "
                                                "inflammation", "may cause headaches"))] == \
        ["aminosalicylates"]


def test_a_list_item_labelled_by_the_term_then_a_sentence_about_it():
    item = "- Bronchospasm. The muscles in the airways tighten.\n- Fever.\n"
    assert flagged(item) == []
    # not a label whose next sentence says what to do, not what it is
    assert [t for t, *_ in flagged(item.replace("The muscles in the airways tighten",
                                                "Call your doctor"))] == ["Bronchospasm"]
    # nor a first sentence that says what to do, with an everyday word first
    assert [t for t, *_ in flagged("- Take warfarin daily. It keeps clots from forming.\n"
                                   "- Rest.\n")] == ["warfarin"]


def test_the_types_a_sentence_says_there_are_before_its_list():
    page = ("Calcifications are small deposits in the breast. There are two types, neither "
            "of which comes from your diet:\n\n- Macrocalcifications look like white dots.\n"
            "- Microcalcifications look like white specks.\n")
    assert flagged(page) == []
    assert [t for t, *_ in flagged(page.replace("There are two types, neither of which "
                                                "comes from your diet:", "See below."))] == \
        ["Macrocalcifications", "Microcalcifications"]


def test_an_abbreviation_in_a_trial_named_in_capitals_is_a_name():
    assert flagged("An early report from the NCI–COG Pediatric MATCH trial came out.\n") == []
    assert [t for t, *_ in flagged("Ask the MDS Support Group for help.\n")] == ["MDS"]
    # not small words before a study's word: "IQ in their cohort"
    assert [t for t, *_ in flagged("One study found a drop in IQ in their cohort.\n")] == \
        ["IQ"]


def test_another_thing_of_a_kind_and_two_words_with_or_in_brackets():
    assert flagged("The drug binds to PD-1, another protein on T cells.\n") == []
    assert flagged("Women who had one or both breasts removed (a unilateral or bilateral "
                   "mastectomy) were asked.\n") == []
    # alternatives in brackets are no explanation
    assert [t for t, *_ in flagged("It grew into the skin (ulceration or macroscopic "
                                   "nodules).\n")] == ["macroscopic nodules"]
    assert [t for t, *_ in flagged("Patients responded (with or without neutrophil recovery) "
                                   "to it.\n")] == ["neutrophil"]
    assert [t for t, *_ in flagged("It grew into the skin (an ulceration or macroscopic "
                                   "nodules).\n")] == ["macroscopic nodules"]
    assert [t for t, *_ in flagged("It showed (a rash or thick hyperkeratosis).\n")] == \
        ["hyperkeratosis"]
    # "another" opening a clause says nothing of the term before it
    assert [t for t, *_ in flagged("After a nephrectomy, another scan is done.\n")] == \
        ["nephrectomy"]
    assert [t for t, *_ in flagged("If you have hyperkeratosis, another doctor may help.\n")] \
        == ["hyperkeratosis"]
    assert flagged("Men with hemophilia, another bleeding disorder, were studied.\n") == []


def test_a_table_column_heading_names_the_kind_of_the_names_its_cells_open_with():
    table = ("| Drug | Molecular Target | Side effects |\n| --- | --- | --- |\n"
             "| Pembrolizumab | PD-1 | tiredness |\n| Trametinib | MEK | hyperkeratosis |\n")
    assert [t for t, *_ in flagged(table)] == ["hyperkeratosis"]
    # words further on in a cell are not named by its column
    further = ("| Drug | Use |\n| --- | --- |\n| Pembrolizumab, which may cause pneumonitis |"
               " lung |\n")
    assert [t for t, *_ in flagged(further)] == ["pneumonitis"]
    # a heading about something else of the kind: "Drug Class", "Frequency of Gene Fusion"
    assert [t for t, *_ in flagged("| Drug Class |\n| --- |\n| anthracyclines |\n")] == \
        ["anthracyclines"]
    # a procedure under "Treatment" is still to explain; a name there is named
    treatments = ("| Cancer | Treatment |\n| --- | --- |\n| bladder | cystectomy |\n"
                  "| lymphoma | Carvykti |\n")
    assert [t for t, *_ in flagged(treatments)] == ["cystectomy"]


def test_a_table_cell_column_is_counted_from_the_parsers_own_cells():
    # a table inside a list item, and a cell with an escaped bar: the columns still line up
    from readlint import document
    doc = document.parse("- Drugs:\n\n  | Use \\| note | Drug |\n  | --- | --- |\n"
                         "  | pain \\| mild | Ibuprofen |\n")
    cells = [(b.column_heading, b.text) for b in doc.blocks if b.kind == "table_cell"]
    assert cells == [("", "Use | note"), ("", "Drug"), ("Use | note", "pain | mild"),
                     ("Drug", "Ibuprofen")]


def test_a_later_sentence_saying_what_the_term_involves_after_a_no_break_space():
    # cancer.gov pages end sentences with a no-break space ("thoracotomy.\xa0 Thoracoscopy")
    text = ("The two most common procedures are thoracoscopy and thoracotomy.\xa0 Thoracoscopy "
            "involves making three small cuts in the chest.\n")
    assert [t for t, *_ in flagged(text)] == ["thoracotomy"]
    assert [t for t, *_ in flagged(text.replace("involves", "hurts"))] == \
        ["thoracoscopy", "thoracotomy"]


def test_and_other_after_a_term_names_its_kind_in_words_a_reader_knows():
    assert [t for t, *_ in flagged("People with hemophilia and other bleeding disorders bruise "
                                   "easily.\n")] == []
    assert [t for t, *_ in flagged("Levodopa and other antiparkinson drugs often help.\n")] == []
    # a harder kind, one that says nothing of it or only a role, is no explanation; nor is a
    # kind for a describing word
    assert [t for t, *_ in flagged("A result was positive when a nodule or other finding was "
                                   "seen.\n")] == ["nodule"]
    assert [t for t, *_ in flagged("See your neurological, ophthalmological, and other "
                                   "specialists.\n")] == ["ophthalmological"]
    assert [t for t, *_ in flagged("Alendronate and other bisphosphonates may help.\n")] == \
        ["Alendronate", "bisphosphonates"]
    assert [t for t, *_ in flagged("It causes dwarfism, and other features.\n")] == \
        ["dwarfism"]


def test_a_first_example_a_reader_knows_explains_the_term():
    assert [t for t, *_ in flagged("Blisters affect the mucous membranes, such as the moist "
                                   "lining of the mouth.\n")] == []
    assert [t for t, *_ in flagged("Analgesics such as aspirin may relieve pain.\n")] == []
    # an example as hard as the term, or a syndrome named after people, explains nothing
    assert [t for t, *_ in flagged("Anticonvulsants such as carbamazepine may help.\n")] == \
        ["Anticonvulsants"]
    assert [t for t, *_ in flagged("Research aims to cure neuropathies such as Miller Fisher "
                                   "syndrome.\n")] == ["neuropathies"]


def test_a_noun_after_its_adjective_is_the_term_met_again():
    # reported once, at its first use, whichever form comes first
    assert [t for t, *_ in flagged("A cytological exam was done.\n\nThe cytology showed cancer "
                                   "cells.\n")] == ["cytological"]
    assert [t for t, *_ in flagged("It is caused by a hypoglycemic spell.\n\nHypoglycemia "
                                   "makes people shaky.\n")] == ["hypoglycemic"]
    # a part of four letters or fewer before the ending is too short to tell
    assert undefined_jargon._noun_or_adjective_forms("toxic") == []


def test_a_table_column_names_only_names_shaped_as_its_kind():
    genes = "| Gene | Syndrome |\n| --- | --- |\n| Uniparental disomy | x |\n| TP53 | y |\n"
    assert [t for t, *_ in flagged(genes)] == ["Uniparental disomy"]
    drugs = ("| Drug | Use |\n| --- | --- |\n| Intrathecal methotrexate | pain |\n"
             "| Tamoxifen | cancer |\n")
    assert [t for t, *_ in flagged(drugs)] == ["Intrathecal"]
    # a rare procedure or an abbreviation under "Treatment" is still to explain; a regimen's
    # short name under "Regimen" is its name
    treatments = ("| Stage | Treatment |\n| --- | --- |\n| I | HIPEC |\n| II | Trachelectomy |\n"
                  "| III | Carvykti |\n")
    assert [t for t, *_ in flagged(treatments)] == ["HIPEC", "Trachelectomy"]
    assert [t for t, *_ in flagged("| Regimen | Drugs |\n| --- | --- |\n| XELOX | Capecitabine "
                                   "plus oxaliplatin |\n")] == []
    # a symbol has two capitals or a digit in one word; the heading's last kind word decides
    targets = "| Target | Notes |\n| --- | --- |\n| Angiogenesis Inhibitor | x |\n| MEK | y |\n"
    assert [t for t, *_ in flagged(targets)] == ["Angiogenesis Inhibitor"]
    assert flagged("| Target drugs | Notes |\n| --- | --- |\n| Olaparib | x |\n") == []
    # a drug's name is no word built the medical way, and a heading of over 80 letters
    # names no kind
    assert [t for t, *_ in flagged("| Agent | Dose |\n| --- | --- |\n| Hyperthermia | x |\n")] \
        == ["Hyperthermia"]
    long = "| " + "Very " * 16 + "Drug |\n| --- |\n| Olaparib |\n"
    assert [t for t, *_ in flagged(long)] == ["Olaparib"]


def test_a_row_with_fewer_cells_than_its_header_has_no_column_headings():
    # a cell that spanned rows was left out: the row's cells do not stand under the headings
    table = "| Drug | Side effect |\n| --- | --- |\n| Carvykti | nausea |\n| Lumakras |\n"
    assert [t for t, *_ in flagged(table)] == ["Lumakras"]
    # in a block quote too
    quoted = "".join("> " + line + "\n" for line in table.splitlines())
    assert [t for t, *_ in flagged(quoted)] == ["Lumakras"]
    # a row with all its cells is under its headings
    assert flagged(table.replace("| Lumakras |", "| Lumakras | rash |")) == []


def test_what_is_not_an_example_of_the_term():
    for text in ("Patients with thrombocytopenia, such as those getting chemotherapy, should "
                 "avoid aspirin.", "People with neutropenia like to rest at home.",
                 "Cystectomy, including its risks, is discussed below."):
        assert len(flagged(text + "\n")) == 1, text
    # ", like ..." is an example far more often than a likeness: "common malignancies, like
    # lung cancer, ..."
    assert flagged("People with common malignancies, like lung cancer, took part.\n") == []
    # an example cut where a verb begins: "such as aspirin may relieve pain"
    assert flagged("Analgesics such as aspirin may relieve pain.\n") == []
    for text in ("Patients with thrombocytopenia, such as older adults, should rest.",
                 "Cystectomy, including the risks, is discussed below.",
                 "People with lymphedema like swimming.",
                 "Analgesics such as big blue round tablets help."):  # four words: no thing
        assert len(flagged(text + "\n")) == 1, text


def test_a_kind_word_after_and_other_is_a_noun_and_says_something():
    for text in ("A nodule or other suspicious finding was seen.",
                 "Thrombocytopenia and other problems occur."):
        assert len(flagged(text + "\n")) == 1, text
    assert flagged("Hemophilia and other bleeding problems run in families.\n") == []
    assert len(flagged("Amyloidosis and other serious problems occur.\n")) == 1


def test_involves_defines_only_with_what_is_done():
    assert [t for t, *_ in flagged("Thoracoscopy is common. Thoracoscopy involves making three "
                                   "small cuts.\n")] == []
    assert [t for t, *_ in flagged("Amyloidosis is rare. Amyloidosis involves the heart and "
                                   "kidneys.\n")] == ["Amyloidosis"]
    assert flagged("Lobectomy is common. Lobectomy involves the removal of one lobe.\n") == []
    assert len(flagged("Amyloidosis is rare. Amyloidosis involves nothing you see.\n")) == 1


def test_involves_right_after_the_term_defines_only_with_what_is_done():
    # where a disease is, or what it does, said with "involves", says nothing of what it is
    for text in ("Sarcoidosis involves the lungs in most people.\n",
                 "Sarcoidosis involves scarring in the lungs.\n"):
        assert [t for t, *_ in flagged(text)] == ["Sarcoidosis"], text
    for text in ("Thoracoscopy involves making three small cuts in the chest.\n",
                 "Lobectomy involves removal of one lobe of the lung.\n",
                 "Lobectomy involves the surgical removal of one lobe of the lung.\n",
                 "Thoracentesis involves the insertion of a needle into the chest.\n"):
        assert flagged(text) == [], text


def test_a_condition_or_a_procedure_in_a_sentence_about_treatment_is_no_drug():
    # a rare word in a sentence about treatment is taken as a drug's name, but not one built
    # as a condition or a procedure is
    for text, term in (("Patients are often given fluids to correct hypercalcemia.\n",
                        "hypercalcemia"),
                       ("Treatment may be radiation or a lumpectomy followed by drugs.\n",
                        "lumpectomy")):
        assert term in [t for t, *_ in flagged(text)], text
    assert flagged("Patients are often given sapanisertib to slow the cancer.\n") == []


def test_a_drug_said_to_shrink_tumors_is_named_as_a_treatment():
    for said in ("shrank tumors", "shrank your tumor", "shrank clear cell renal tumors"):
        text = f"In a small trial, dabrafenib plus trametinib {said} in most patients.\n"
        assert flagged(text) == [], text
    assert flagged("In a small trial, tumors shrank with belzutifan in most patients.\n") == []
    text = "In a small trial, dabrafenib plus trametinib were studied in most patients.\n"
    assert [t for t, *_ in flagged(text)] == ["dabrafenib", "trametinib"]
    # shrunken tumors or kidneys say what they are like, not that a word is a treatment
    for text in ("Scans of people with pheochromocytoma showed shrunken tumors.\n",
                 "Nephronophthisis leads to shrunken kidneys.\n"):
        assert len(flagged(text)) == 1, text


def test_a_longer_term_is_known_by_its_hard_words_met_in_another_form():
    text = ("Your peritoneum is the tissue that lines your belly.\n\n"
            "A liquid, peritoneal fluid, keeps it moist.\n")
    assert [t for t, *_ in flagged(text)] == []


def test_a_pair_of_terms_then_meaning_and_a_list_of_what_to_be_vaccinated_against():
    assert flagged("The cells may be undifferentiated or poorly differentiated, meaning they "
                   "look different from normal cells.\n") == []
    # ", meaning" after a pair of two terms explains only the second
    assert [t for t, *_ in flagged("You may have hematuria and dysuria, meaning pain when you "
                                   "urinate.\n")] == ["hematuria"]
    assert flagged("You might get oxygen through a ventilator.\n") == []
    assert flagged("Children should be vaccinated on a schedule against:\n\n"
                   "- pneumococcal disease\n- measles\n") == []
    # a list after "against" that no vaccination announces is not named by it
    assert [t for t, *_ in flagged("Some drugs work against:\n\n- pneumococcal disease\n")] == \
        ["pneumococcal"]
    assert [t for t, *_ in flagged("Vaccines do not protect you against:\n\n- myocarditis\n")] \
        == ["myocarditis"]


SIGNS = ("What are the signs and symptoms of Sjogren syndrome? The Human Phenotype Ontology "
         "provides the following list of signs and symptoms for Sjogren syndrome. Signs and "
         "Symptoms Approximate number of patients (when available) Mediastinal "
         "lymphadenopathy 90% Subcutaneous hemorrhage 90% Arthralgia 50% Ptosis of the "
         "eyelid 7.5% Bifid epiglottis - Pigmentary retinopathy - The Human Phenotype "
         "Ontology (HPO) has collected information on how often a sign or symptom occurs in a "
         "condition.\n")


def test_a_sign_of_a_table_of_signs_is_named_whole():
    # the whole sign, two to five words and no small word, once: not "Mediastinal" and then
    # "lymphadenopathy", not "Subcutaneous" without its noun, not "epiglottis" without "Bifid"
    found = [subject for subject, _, _ in flagged(SIGNS)]
    for sign in ("Mediastinal lymphadenopathy", "Subcutaneous hemorrhage", "Bifid epiglottis"):
        assert sign in found, found
    assert "lymphadenopathy" not in found and "Arthralgia" in found
    # a sign with small words in it is not a name: its hard word alone
    assert "Ptosis" in found
    # the same words in running prose are reported as before
    prose = [s for s, _, _ in flagged("Some had subcutaneous hemorrhage after the fall.\n")]
    assert prose == ["subcutaneous"]


def test_two_hard_terms_of_one_sign_are_one_problem():
    # a sign with small words that holds two hard terms is reported once, whole ("Expanded
    # metacarpals with widened medullary cavities"), not as "Opacification" and then
    # "corneal stroma"; a sign with one hard term still names it alone ("Ptosis")
    pre = SIGNS.split("(when available) ")[0] + "(when available) "
    found = [s for s, _, _ in flagged(pre + "Ptosis of the eyelid 90% Opacification of the "
                                            "corneal stroma 50% Agenesis of corpus callosum - "
                                            "Expanded metacarpals with widened medullary "
                                            "cavities 5% Arthralgia -\n")]
    assert found == ["Ptosis", "Opacification of the corneal stroma",
                     "Agenesis of corpus callosum",
                     "Expanded metacarpals with widened medullary cavities", "Arthralgia"]
    # the problem covers the sign, from its first word to its last, not the stop after it
    text = pre + "Opacification of the corneal stroma. 50% Arthralgia -\n"
    found = flagged(text)
    column = text.index("Opacification of") + 1
    assert found[0] == ("Opacification of the corneal stroma", 1, column)
    problem = lint(text, select="undefined-jargon", config=ALL_TERMS)[0]
    assert problem.end_column - problem.column == len("Opacification of the corneal stroma")
    # two signs side by side stay two problems, and so do two terms of one sentence
    assert [s for s, _, _ in flagged(pre + "Opacification 50% Coarctation -\n")] == \
        ["Opacification", "Coarctation"]
    assert len(flagged("Opacification of the corneal stroma was seen.\n")) == 2
    # a sign that holds another problem too (an abbreviation, a misspelling) keeps each
    # problem as it is: no problem covers another
    found = [s for s, _, _ in flagged(pre + "PXE with opacification of the corneal stroma 90% "
                                            "Keratoconus with weakeness and opacification of "
                                            "corneal stroma 5%\n")]
    assert found == ["PXE", "opacification", "corneal stroma", "Keratoconus", "weakeness"]
    # a long sign (more than SIGN_ITEM_WORDS words) is not made one problem
    found = [s for s, _, _ in flagged(pre + "Opacification of the corneal stroma in the left eye "
                                            "of some of the patients 90% Arthralgia -\n")]
    assert found == ["Opacification", "corneal stroma", "Arthralgia"]
    # a sign the options ignore, whole, is not reported
    config = Config(raw_rules={"undefined-jargon": {
        **EVERY_TERM, "skip_glossary_terms": False,
        "ignore": ["Opacification of the corneal stroma"]}})
    assert [s for s, _, _ in flagged(pre + "Opacification of the corneal stroma 90% "
                                           "Arthralgia -\n", config=config)] == ["Arthralgia"]


def test_a_capital_that_starts_a_sign_marks_no_name():
    # "Micrognathia" after "90%" starts an item of the table, as a word starts a sentence:
    # a hard word, not a name such as "Genentech" inside a sentence
    text = "Arthralgia 90% Micrognathia 50% Hypertelorism - Camptodactyly 7.5%\n"
    found = [subject for subject, _, _ in flagged(text)]
    assert found == ["Arthralgia", "Micrognathia", "Hypertelorism", "Camptodactyly"]
    assert flagged("The company Micrognathia makes tools.\n") == []


def test_two_rare_terms_joined_by_a_slash_are_reported_together():
    found = [s for s, _, _ in flagged("Arthralgia 90% Aplasia/Hypoplasia of the eyebrow 50%\n"
                                      "\nSome have hemiplegia/hemiparesis, and/or pain in the "
                                      "heart/lung area.\n")]
    assert found == ["Arthralgia", "Aplasia/Hypoplasia", "hemiplegia/hemiparesis"]


def test_signs_counted_in_fractions_are_signs_not_units():
    # "3/3" says how many of the patients had the sign: the word after it is a sign, not a
    # unit ("50,000 per microliter"), and the sign's name is whole
    pre = SIGNS.split("(when available) ")[0] + "(when available) "
    found = [s for s, _, _ in flagged(pre + "Short neck 3/3 Mesomelia 3/3 Relative macrocephaly "
                                            "3/3 Rhizomelia 3/3\n")]
    assert found == ["Mesomelia", "Relative macrocephaly", "Rhizomelia"]
    assert flagged("Platelets were 50,000 per microliter.\n") == []


def test_what_several_things_are_said_of_them_all_explains_the_last():
    text = ("The enzyme converts dopamine to norepinephrine, both of which are chemical "
            "messengers in the brain.")
    assert "norepinephrine" not in [t for t, *_ in flagged(text)]
    # a clause that says something else of them, or a quality, explains nothing
    assert "norepinephrine" in [t for t, *_ in flagged(
        "The enzyme converts dopamine to norepinephrine, both of which rise at night.")]
    assert "norepinephrine" in [t for t, *_ in flagged(
        "The enzyme converts dopamine to norepinephrine, both of which are low in this "
        "disease.")]
    assert "nystagmus" in [t for t, *_ in flagged(
        "Signs include ataxia and nystagmus, both of which are dangerous in children.")]


def test_what_is_said_of_the_everyday_thing_after_the_term_is_not_said_of_the_term():
    # "which" may mean the lungs: the alveoli are not explained
    assert [t for t, *_ in flagged("Fluid builds up around the alveoli of the lungs, which "
                                   "are the organs you breathe with.")] == ["alveoli"]


def test_what_a_part_of_the_body_does_right_after_it_explains_it():
    assert "myelin" not in [t for t, *_ in flagged(
        "The disease damages the myelin that covers and protects nerves.")]
    # not without "the" before it: "damaged myelin that covers" names which myelin
    assert "myelin" in [t for t, *_ in flagged(
        "The disease damages myelin that covers and protects nerves.")]
    # where a thing is says not what it is
    assert [t for t, *_ in flagged("Doctors drain the hematoma that surrounds the brain.")] \
        == ["hematoma"]


def test_the_next_sentence_points_back_after_an_opening_word():
    assert "cerebrospinal fluid" not in [t for t, *_ in flagged(
        "Hydrocephalus is a buildup of cerebrospinal fluid in the brain. "
        "Normally, this fluid cushions your brain.")]
    # an opening word not among those: the pointer may mean what the sentence was about
    assert "cerebrospinal fluid" in [t for t, *_ in flagged(
        "Hydrocephalus is a buildup of cerebrospinal fluid in the brain. "
        "Luckily, this fluid drains.")]


def test_a_known_short_form_inside_a_glossary_term_explains_it():
    # the glossary's "computed tomography scan" runs over the short form readers know
    for text in ("A computed tomography (CT) scan takes pictures of the heart.",
                 "Doctors may order a positron emission tomography (PET) scan."):
        assert flagged(text) == [], text
    # a short form readers do not know explains nothing
    assert flagged("A computed tomography (CTX) scan takes pictures of the heart.") != []


def test_what_happens_in_it_said_right_after_explains_it():
    assert flagged("One parent may have a balanced translocation, where a piece of a "
                   "chromosome has broken off and attached to another.") == []
    assert [t for t, *_ in flagged("He had a balanced translocation where doctors "
                                   "found it.")] == ["translocation"]
    # without the comma, the clause says where or when, not what
    assert [t for t, *_ in flagged("Patients with dysphagia where a feeding tube is needed "
                                   "may need help.")] == ["dysphagia"]


def test_a_hard_word_whose_whole_name_readers_know_is_not_reported():
    # "dystrophy" alone is hard; "muscular dystrophy" is an everyday name
    assert flagged("It is seen in Down syndrome, muscular dystrophy and cerebral palsy.") == []
    assert flagged("It is seen in the muscular dystrophies and cerebral palsy.") == []  # plural
    assert flagged("Muscular dystrophy makes the muscles weak.") == []
    # another name it ends is still reported
    assert [t for t, *_ in flagged("Myotonic dystrophy makes the muscles weak.")] == \
        ["Myotonic dystrophy"]
    # and the hard word is not taken as met with the everyday name
    assert [t for t, *_ in flagged("He has muscular dystrophy. His sister has a corneal "
                                   "dystrophy.")] == ["corneal dystrophy"]


def test_another_form_of_a_word_explained_before_or_in_its_paragraph_explains_it():
    for text in ("Attacks follow mild signs known as a prodrome. Prodromal signs include pain.",
                 "It is needed for the breakdown (metabolism) of fructose. People with it cannot "
                 "metabolize fructose.",
                 "Part of chromosome 21 becomes attached (translocated) to another chromosome."
                 "\n\nThis translocation is rare.",
                 # further on in the same paragraph
                 "People with it cannot metabolize fructose. The breakdown (metabolism) of "
                 "food is slow.",
                 # as readers see it: emphasis marks are not words
                 "Food is broken down; this is called **metabolism**. Some cannot metabolize "
                 "fructose."):
        assert flagged(text) == [], text
    # not by what readers never see: the front matter
    page = ("---\ntitle: Fever\ndescription: Mild signs known as a prodrome.\n---\n\n"
            "Prodromal signs include pain.\n")
    assert [t for t, *_ in flagged(page)] == ["Prodromal"]
    # not from a later paragraph: the first use is the one to explain
    assert [t for t, *_ in flagged("People with it cannot metabolize fructose.\n\nIt is needed "
                                   "for the breakdown (metabolism) of fructose.\n")] == \
        ["metabolize"]
    # nor a word an ending makes another thing of, nor one that only starts alike
    assert [t for t, *_ in flagged("They have too few white blood cells (lymphocytes). Some "
                                   "have lymphocytosis.")] == ["lymphocytosis"]
    assert [t for t, *_ in flagged("It harms the liver (hepatic) cells. A hepatoma may grow.")] \
        == ["hepatoma"]
    assert [t for t, *_ in flagged("It starts in the lining of the womb (endometrium). Some "
                                   "women have endometriosis.")] == ["endometriosis"]
    assert [t for t, *_ in flagged("They have too few white blood cells (neutropenia). "
                                   "Neutrophils fight germs.")] == ["Neutrophils"]


def test_a_next_sentence_explains_a_term_by_its_abbreviation_its_family_or_beside_it():
    for text in ("If you know cardiopulmonary resuscitation (CPR), you could save a life. CPR "
                 "is an emergency procedure for a person whose heart has stopped.",
                 "Some babies have hyperbilirubinemia. Hyperbilirubinemia, a buildup of a "
                 "yellow substance in the blood, makes the skin look yellow.",
                 "It is inherited in an autosomal codominant pattern. Codominance means that "
                 "the copies of the gene from both parents are active."):
        assert flagged(text) == [], text
    # not a sentence that only says something of it, nor one that explains another thing
    # of the same root, or the last word alone
    for text in ("If you know cardiopulmonary resuscitation (CPR), you could save a life. CPR "
                 "saves many lives each year.",
                 "Some babies have hyperbilirubinemia. Hyperbilirubinemia, the main sign, is "
                 "common in the first week.",
                 "Gum disease can become periodontitis. If you have periodontitis, you should "
                 "see a dentist.",
                 "She has endometriosis. The endometrium is the lining of the womb.",
                 "Some have lymphocytosis. Lymphocytes are a type of white blood cell.",
                 "He has hypertrophic cardiomyopathy. Cardiomyopathy is a disease of the heart "
                 "muscle."):
        assert len(flagged(text)) == 1, text
    # a term whose first letters are an article's ("Androgens", "Anemia", "Thesis")
    assert flagged("In males, luteinizing hormone triggers these cells to produce androgens. "
                   "Androgens, including testosterone, are the hormones that control male "
                   "sexual development.") == []
    # a glossary's word that starts the name explained by its abbreviation is explained with it
    assert flagged("- Radionuclide cystogram (RNC). RNC is a type of nuclear scan that puts "
                   "a little radioactive material into the bladder.") == []
