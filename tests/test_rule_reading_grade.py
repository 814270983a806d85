"""reading-grade: document and section grades against the audience's limit."""

from __future__ import annotations

import re

from helpers import lint, positions

from readlint.config import Config
from readlint.document import parse
from readlint.own_words import _name, own_words
from readlint.readability import COUNTED, SHORT_WORD, UNREAD, TextStats

EASY = "We eat food. We go home. The sun is hot. I like my dog. " * 10
HARD = ("Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations. ") * 16


def test_easy_document_passes():
    assert lint("# Title\n\n" + EASY, select="reading-grade") == []


def test_hard_document_is_reported_at_its_first_line():
    problems = lint("# Title\n\n" + HARD, select="reading-grade")
    assert positions(problems) == [(1, 3)]
    assert "the limit for these readers is 8" in problems[0].message
    assert "Flesch-Kincaid" in problems[0].message


def test_worst_sections_are_reported_at_their_headings():
    text = f"# Guide\n\n## Easy part\n\n{EASY}\n\n## Hard part\n\n{HARD}\n"
    problems = lint(text, select="reading-grade")
    assert positions(problems) == [(1, 3), (7, 4)]
    assert 'section "Hard part"' in problems[1].message


def test_the_one_section_graded_is_reported_unless_it_is_nearly_the_whole_page():
    # Sections under 100 of the writer's own words are not graded; the one that is, with
    # 128 of the page's 188 words, is where the hard part is. With 128 of 131, it is the page.
    small = "We eat food. We go home. " * 5
    text = f"# Guide\n\n## Hard part\n\n{HARD}\n\n## Home\n\n{small}\n\n## Food\n\n{small}\n"
    problems = lint(text, select="reading-grade")
    assert positions(problems) == [(1, 3), (3, 4)]
    assert 'section "Hard part"' in problems[1].message
    nearly_all = f"# Guide\n\n## Hard part\n\n{HARD}\n\n## Home\n\nWe eat food.\n"
    assert positions(lint(nearly_all, select="reading-grade")) == [(1, 3)]


def test_professional_limit_is_higher():
    text = "# Title\n\n" + ("Patients with breast cancer often receive chemotherapy after "
                           "their surgery to lower the risk of recurrence. ") * 8  # grade 12
    assert positions(lint(text, select="reading-grade", audience="patient")) == [(1, 3)]
    assert lint(text, select="reading-grade", audience="professional") == []


def test_short_documents_are_not_graded():
    assert lint("# Title\n\n" + HARD[:300], select="reading-grade") == []


def test_formulas_option_averages_and_names_them():
    config = Config(raw_rules={"reading-grade": {
        "formulas": ["flesch_kincaid_grade", "smog_index"]}})
    (problem,) = lint("# Title\n\n" + HARD, select="reading-grade", config=config)
    assert "mean of Flesch-Kincaid and SMOG" in problem.message


def test_sections_about_the_summary_are_not_graded_unless_asked():
    text = (f"# Guide\n\n## What to expect\n\n{EASY}\n\n## Side effects\n\n{EASY}\n\n"
            f"## About This PDQ Summary\n\n{HARD}\n\n"
            f"## Latest Updates to This Summary (08/22/2018)\n\n{HARD}\n")
    config = Config(raw_rules={"reading-grade": {"leave_to_audience_mismatch": False}})
    assert positions(lint(text, select="reading-grade", config=config)) == [(1, 3)]
    config = Config(raw_rules={"reading-grade": {"skip_sections": [],
                                                 "leave_to_audience_mismatch": False}})
    asked = lint(text, select="reading-grade", config=config)
    assert positions(asked) == [(1, 3), (11, 4), (15, 4)]
    assert 'section "About This PDQ Summary"' in asked[1].message


# -- the writer's own words, on pages shaped like the ones editors check -----------------------

DRUG_PAGE = """\
---
title: Aldesleukin - NCI
audienceLevel: patient
---

# Aldesleukin - NCI

# Aldesleukin

(al-dee-LOO-kin)

This page contains brief information about aldesleukin and a collection of links to more
information about the use of this drug, research results, and ongoing clinical trials.

US Brand Name(s)

Proleukin

FDA Approved

Yes

[FDA label information for this drug is available at
DailyMed.](https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1)

## Use in Cancer

Aldesleukin is approved to treat adults with:

- [Melanoma](/def/45773) that has [metastasized](/def/44058) (spread to other parts of the body).
- [Renal cell cancer](/def/45835) that has metastasized.

Aldesleukin is also being studied in the treatment of other types of cancer.

## More About Aldesleukin

[Definition from the NCI Drug
Dictionary](https://www.cancer.gov/publications/dictionaries/cancer-drug/def/42017) - Detailed
scientific definition and other names for this drug.

MedlinePlus Information on [Aldesleukin](https://medlineplus.gov/druginfo/meds/a693010.html) -
A lay language summary of important information about this drug that may include the following:

- warnings about this drug,
- what this drug is used for and how it is used,
- what you should tell your doctor before using this drug,
- what you should know about this drug before using it,
- other drugs that may interact with this drug, and
- possible side effects.

Drugs are often studied to find out if they can help treat or prevent conditions other than the
ones they are approved for. This patient information sheet applies only to approved uses of the
drug. However, much of the information may also apply to unapproved uses that are being
studied.

## Clinical Trials Accepting Patients

[Find Clinical Trials for
Aldesleukin](https://www.cancer.gov/research/participate/clinical-trials/intervention/aldesleukin)
- Check for trials from NCI's list of cancer clinical trials now accepting patients.
"""


def test_a_drug_page_template_is_not_graded_on_its_stock_text_names_and_pronunciation():
    # Graded on all its prose this page is 8.6: the stock paragraphs every drug page shares
    # ("Drugs are often studied ...", "More About ..."), the brand name, the pronunciation key.
    assert lint(DRUG_PAGE, select="reading-grade") == []


def test_a_pronunciation_key_is_not_read_as_words():
    doc = parse("# Apalutamide\n\n(A-puh-LOO-tuh-mide)\n\nApalutamide is a pill.\n")
    block = next(i for i, b in enumerate(doc.blocks) if b.text.startswith("("))
    assert own_words(doc).sentences[block] == []
    assert own_words(doc).grade([block], ["flesch_kincaid_grade"]).words == 0


def test_a_pronunciation_key_written_with_spaces_is_not_read_as_words():
    doc = parse("# Skin\n\nPsoriasis (sow RYE uh sis) is a skin disease.\n")
    assert own_words(doc).grade([1], ["flesch_kincaid_grade"]).words == 5  # the key left out


LANDING_PAGE = """\
---
title: Adrenocortical Carcinoma—Patient Version - NCI
audienceLevel: patient
---

# Adrenocortical Carcinoma—Patient Version

## Overview

Adrenocortical carcinoma is a rare cancer that forms in the outer layer of the adrenal gland.
Find treatment information and research on this page.

## Treatment

[Adrenocortical Carcinoma Treatment (PDQ®)–Patient
Version](/types/adrenocortical/patient/adrenocortical-treatment-pdq)

[Childhood Adrenocortical Carcinoma Treatment (PDQ®)–Patient
Version](/types/adrenocortical/patient/child-adrenocortical-treatment-pdq)

[Drugs Approved for Adrenocortical Carcinoma](/about-cancer/treatment/drugs/adrenocortical)

## Coping with Cancer

[Late Effects of Treatment for Childhood Cancer (PDQ®)–Patient
Version](/types/childhood-cancers/late-effects-pdq)

[Unusual Cancers of Childhood Treatment (PDQ®)–Patient
Version](/types/childhood-cancers/patient/unusual-cancers-childhood-pdq)

[Pheochromocytoma and Paraganglioma Treatment (PDQ®)–Patient
Version](/types/pheochromocytoma/patient/pheochromocytoma-treatment-pdq)

[Genetic Counseling, Predisposition Syndromes, and Hereditary Cancer Risk
Assessment](/about-cancer/causes-prevention/genetics/risk-assessment-pdq)

[Multiple Endocrine Neoplasia Syndromes and Inherited Endocrine
Disorders](/types/thyroid/hp/medullary-thyroid-genetics-pdq)

[Clinical Trials to Treat Adrenocortical
Carcinoma](/research/participate/clinical-trials/disease/adrenocortical-carcinoma/treatment)

## Research

[Childhood Cancer Data Initiative: Comprehensive Genomic Characterization of Pediatric
Adrenocortical Tumors](/research/areas/childhood/ccdi)

[Pediatric MATCH Precision Medicine Trial Investigating Molecularly Targeted
Therapies](/research/areas/childhood/pediatric-match)

[Rare Tumor Characterization Initiative for Endocrine Malignancies](/research/areas/rare-tumors)
"""


def test_a_landing_page_of_link_cards_is_not_graded():
    # Its grade (17.9 on all its prose) comes from the titles of the pages it links to.
    assert lint(LANDING_PAGE, select="reading-grade") == []


DRUG_LIST = """\
---
title: Drugs Approved for Melanoma - NCI
audienceLevel: patient
---

# Drugs Approved for Melanoma

This page lists cancer drugs approved by the Food and Drug Administration (FDA) for melanoma.
The list includes generic names and brand names. The drug names link to NCI's Cancer Drug
Information summaries.

## Drugs Approved for Melanoma

- Aldesleukin
- Atezolizumab and Hyaluronidase-tqjs
- Binimetinib
- Braftovi (Encorafenib)
- Cobimetinib Fumarate
- Cotellic (Cobimetinib Fumarate)
- Dabrafenib Mesylate
- Dacarbazine
- Encorafenib
- Imlygic (Talimogene Laherparepvec)
- Interferon Alfa-2b Recombinant
- Intron A (Recombinant Interferon Alfa-2b)
- Ipilimumab
- Keytruda (Pembrolizumab)
- Kimmtrak (Tebentafusp-tebn)
- Lifileucel
- Mekinist (Trametinib Dimethyl Sulfoxide)
- Mektovi (Binimetinib)
- Nivolumab
- Nivolumab and Hyaluronidase-nvhy
- Nivolumab and Relatlimab-rmbw
- Opdivo (Nivolumab)
- Opdualag (Nivolumab and Relatlimab-rmbw)
- Peginterferon Alfa-2b
- Pembrolizumab
- Proleukin (Aldesleukin)
- Relatlimab and Nivolumab
- Sylatron (Peginterferon Alfa-2b)
- Tafinlar (Dabrafenib Mesylate)
- Talimogene Laherparepvec
- Tebentafusp-tebn
- Tecentriq Hybreza (Atezolizumab and Hyaluronidase-tqjs)
- Trametinib Dimethyl Sulfoxide
- Vemurafenib
- Yervoy (Ipilimumab)
- Zelboraf (Vemurafenib)
"""


def test_a_list_of_drug_names_is_not_graded():
    assert lint(DRUG_LIST, select="reading-grade") == []  # 22.4 on all its prose


LINKED = """\
---
title: Childhood Medulloblastoma Treatment - NCI
audienceLevel: patient
---

# Childhood Medulloblastoma Treatment

## Treatment of newly diagnosed medulloblastoma

Treatment of medulloblastoma in children aged 3 years and younger may include
[surgery](/def/45570) to remove as much of the tumor as possible, followed by
[chemotherapy](/def/45214). Other treatments that may be given after surgery include high-dose
[intrathecal](/def/46076) chemotherapy. High-dose chemotherapy with [stem cell
rescue](/def/45873) may also be given. Chemotherapy with or without [radiation
therapy](/def/44971) may be given to the area where the tumor was removed.

Treatment of medulloblastoma in children older than 3 years may include surgery to remove as
much of the tumor as possible. This is followed by radiation therapy to the brain and spinal
cord. Chemotherapy may also be given during and after radiation therapy. Some children take
part in a [clinical trial](/def/45961) of a new treatment. [Immunotherapy](/def/45729) is also
being studied.
"""


def test_terms_the_page_links_count_as_short_words():
    assert lint(LINKED, select="reading-grade") == []  # 11.8 on all its prose
    unlinked = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", LINKED)
    (problem,) = lint(unlinked, select="reading-grade")
    assert "is 11.8 (Flesch-Kincaid), 9.5 in the writer's own words" in problem.message


MOLES = ("# Common Moles\n\nMost adults have between 10 and 40 moles on their skin, usually "
         "above the waist on areas that get sun. {first} Dysplastic nevi are more likely than "
         "common moles to turn into melanoma, although most dysplastic nevi never become cancer. "
         "People who have many dysplastic nevi should look at their skin every month and tell "
         "their doctor about any dysplastic nevus that changes in size, shape, or color. A doctor "
         "may take out a dysplastic nevus that looks unusual and send it to a lab, where a "
         "pathologist looks at it under a microscope. Dysplastic nevi can run in families.\n")


def test_a_term_the_page_explains_counts_as_a_short_word_wherever_it_is_used():
    config = Config(raw_rules={"reading-grade": {"standard_errors": 0}})
    explained = MOLES.format(first="A mole that looks unusual is called a dysplastic nevus "
                                   "(an atypical mole).")
    assert lint(explained, select="reading-grade", config=config) == []
    unexplained = MOLES.format(first="Some people also have dysplastic nevi on their back "
                                     "and chest.")
    assert positions(lint(unexplained, select="reading-grade", config=config)) == [(1, 3)]


def test_names_count_as_short_words_and_a_table_run_into_the_text_is_not_graded():
    names = parse("# Rare diseases\n\nMuch of this information comes from Orphanet, a "
                  "database kept by Europeans.\n")
    (sentence,) = [s for s in names.sentences if s.block.kind == "paragraph"]
    assert [w.text for w in sentence.words if _name(sentence, sentence.words.index(w))] == \
        ["Orphanet", "Europeans"]
    table = ("The table lists how often each sign was seen: Anonychia 90% Microcephaly 50% "
             "Clinodactyly 7.5% Cryptorchidism 7.5% Hypertelorism 7.5% Strabismus 7.5% "
             "Syndactyly 7.5% Hypoplastic toenails 90% Carious teeth 7.5% Sloping forehead "
             "7.5%. ")
    text = ("# Teebi Kaurah syndrome\n\nChildren with this condition are born with changes in "
            "their nails and fingers. {}Most children also have small heads and some have "
            "crossed eyes. Doctors look for these signs at birth and during early childhood. "
            "Some signs are seen in only a few children, and others are seen in almost every "
            "child with the condition. A genetic test can confirm the diagnosis in most "
            "families.\n")
    with_table, without = parse(text.format(table)), parse(text.format(""))
    graded = [own_words(doc).grade(range(len(doc.blocks)), ["flesch_kincaid_grade"])
              for doc in (with_table, without)]
    assert graded[0] == graded[1]  # the table's capitals neither lower nor raise the grade
    assert with_table.stats.flesch_kincaid_grade > graded[0].grade + 2  # (it is not prose)


GARD_STOCK = """\
# Gingival fibromatosis 1

## What are the symptoms of Gingival fibromatosis 1?

What are the signs and symptoms of Gingival fibromatosis 1? The Human Phenotype Ontology \
provides the following list of signs and symptoms for Gingival fibromatosis 1. If the \
information is available, the table below includes how often the symptom is seen in people \
with this condition. You can use the MedlinePlus Medical Dictionary to look up the \
definitions for these medical terms. Signs and Symptoms Approximate number of patients (when \
available) Autosomal dominant inheritance - Gingival fibromatosis - The Human Phenotype \
Ontology (HPO) has collected information on how often a sign or symptom occurs in a \
condition. Much of this information comes from Orphanet, a European rare disease database. \
The frequency of a sign or symptom is usually listed as a rough estimate of the percentage of \
patients who have that feature. The frequency may also be listed as a fraction. The first \
number of the fraction is how many people had the symptom, and the second number is the \
total number of people who were examined in one study. For example, a frequency of 25/25 \
means that in a study of 25 people all patients were found to have that symptom. Because \
these frequencies are based on a specific study, the fractions may be different if another \
group of patients are examined. Sometimes, no information on frequency is available. In \
these cases, the sign or symptom may be rare or common.
"""


def test_a_page_of_stock_sentences_the_site_repeats_is_not_graded():
    # GARD's paragraph about its symptom tables, on thousands of its pages: 11.6 on all prose.
    assert lint(GARD_STOCK, select="reading-grade") == []


def test_own_words_graded_above_all_the_prose_are_not_said_to_be_read_as_short():
    # The stock paragraph left out reads plainer than the writer's own sentences: the grade
    # of the writer's words is the higher, and names read as short words are not why.
    (problem,) = lint(GARD_STOCK + "\n" + HARD + "\n", select="reading-grade")
    full, own = map(float, re.findall(r"(\d+\.\d) (?:\(Flesch|in the writer)", problem.message))
    assert own > full
    assert "in the writer's own words;" in problem.message
    assert "read as short words" not in problem.message


LYMPHEDEMA = (
    "# Living with lymphedema\n\n## Caring for your skin\n\nKeep the skin on your arm clean. "
    "Use lotion on it every day. Wear gloves when you garden. Protect your arm from sunburn and "
    "insect bites by wearing protective clothing and applying sunscreen regularly whenever you "
    "spend extended periods outdoors during the summer months. Avoid carrying heavy shopping "
    "bags or purses with the affected arm, since straining the muscles there can increase the "
    "swelling considerably. Call your doctor right away if your arm gets red, swollen, or warm, "
    "because these changes can signal an infection that needs prompt treatment with "
    "antibiotics prescribed by your health care team.\n\n## Moving your body\n\n" +
    "Exercise helps lymph fluid drain from your arm and keeps your joints flexible, so physical "
    "therapists usually recommend gentle, regular movement programs tailored to individual "
    "circumstances. " * 6 + "\n")


def test_a_section_is_reported_when_its_grade_is_above_the_limit_by_more_than_its_error():
    # "Caring for your skin" is 8.4 give or take 2.5: three short sentences and three long
    # ones. "Moving your body" is 17.2, every sentence as hard.
    found = lint(LYMPHEDEMA, select="reading-grade")
    assert [p.message.split(" is ")[0] for p in found if "section" in p.message] == \
        ['Reading grade of the section "Moving your body"']
    config = Config(raw_rules={"reading-grade": {"standard_errors": 0}})
    asked = lint(LYMPHEDEMA, select="reading-grade", config=config)
    assert sum('"Caring for your skin"' in p.message for p in asked) == 1


FAR_ABOVE = """\
---
title: carnitine palmitoyltransferase II deficiency
audienceLevel: patient
---

# carnitine palmitoyltransferase II deficiency

## What is carnitine palmitoyltransferase II deficiency?

Carnitine palmitoyltransferase II deficiency is an inherited condition that prevents the body
from using certain fats for energy, particularly during periods of prolonged fasting or
sustained physical exertion. The lethal neonatal form and the severe infantile
hepatocardiomuscular form are characterized by hypoketotic hypoglycemia, cardiomyopathy,
hepatomegaly, and susceptibility to life-threatening arrhythmias, whereas the comparatively
mild myopathic form typically presents with recurrent episodes of rhabdomyolysis precipitated
by exercise, infection, or exposure to extreme temperatures. Myoglobinuria accompanying these
episodes may precipitate acute renal insufficiency necessitating hemodialysis.

## What are the genetic changes related to this condition?

Pathogenic variants in the CPT2 gene cause this disorder by reducing the enzymatic activity of
carnitine palmitoyltransferase 2, which is essential for the mitochondrial oxidation of
long-chain fatty acids. Consequently, long-chain acylcarnitines accumulate within cardiac,
hepatic, and skeletal muscle tissues, where their accumulation is thought to contribute to the
characteristic cellular dysfunction, although the precise pathophysiological mechanisms
underlying tissue-specific vulnerability remain incompletely characterized by available
biochemical investigations. Tandem mass spectrometry of plasma acylcarnitine profiles,
complemented by molecular genetic confirmation, establishes the diagnosis in most symptomatic
individuals.

## Is this condition inherited?

This condition is inherited in an autosomal recessive pattern, meaning that biallelic
pathogenic variants are necessary for phenotypic manifestation of the disorder in affected
individuals. Heterozygous carriers, who possess a single pathogenic variant, typically
demonstrate no clinically significant manifestations, although occasional reports describe
symptomatic heterozygotes experiencing exercise-induced myalgia, suggesting that residual
enzymatic activity thresholds may vary considerably among individuals with different genotypic
combinations and environmental exposures. Genotype-phenotype correlations are imperfect, and
intrafamilial variability complicates prognostication.

## How is this condition managed?

Management emphasizes avoidance of prolonged fasting and strenuous exertion, supplementation
with medium-chain triglycerides that circumvent the deficient enzymatic pathway, and prompt
intravenous glucose administration during intercurrent illnesses. Individuals experiencing
rhabdomyolysis require aggressive intravenous hydration to prevent myoglobinuric acute kidney
injury, and periodic cardiological surveillance is recommended for individuals with the severe
infantile presentation, given the substantial risk of cardiomyopathy and potentially fatal
arrhythmias. Triheptanoin supplementation has demonstrated encouraging preliminary results in
observational investigations.
"""


def test_a_page_audience_mismatch_reports_gets_its_grade_and_no_section_problems():
    config = Config(raw_rules={"reading-grade": {"min_section_words": 50}})
    found = lint(FAR_ABOVE, select="reading-grade,audience-mismatch", config=config)
    assert [(p.rule, p.line) for p in found] == [("audience-mismatch", 3), ("reading-grade", 6)]
    config = Config(raw_rules={"reading-grade": {"min_section_words": 50,
                                                 "leave_to_audience_mismatch": False}})
    found = lint(FAR_ABOVE, select="reading-grade", config=config)
    assert sum("section" in p.message for p in found) == 3


DRUGS = ("Abemaciclib", "Anastrozole", "Capecitabine", "Docetaxel", "Eribulin", "Everolimus",
         "Exemestane", "Fulvestrant", "Gemcitabine", "Ixabepilone", "Lapatinib", "Letrozole",
         "Neratinib", "Olaparib", "Palbociclib", "Pertuzumab", "Ribociclib", "Talazoparib",
         "Tamoxifen", "Trastuzumab", "Tucatinib", "Vinorelbine")


def test_a_list_of_drugs_is_not_a_page_for_professionals():
    # cancer.gov's "Drugs Approved for Breast Cancer": a line of prose, then names, each
    # linked to the drug's page; reading-grade leaves the names out, and so does
    # audience-mismatch (before, it found "grade 21.5, 53.7 rare words in 100")
    items = "\n".join(f"- [{name}](/about-cancer/treatment/drugs/{name.lower()})"
                      for name in DRUGS * 6)
    page = ("---\ntitle: Drugs Approved for Breast Cancer\naudienceLevel: patient\n---\n\n"
            "# Drugs Approved for Breast Cancer\n\nThis page lists cancer drugs approved by "
            "the Food and Drug Administration (FDA) for breast cancer.\n\n"
            f"## Drugs Approved to Prevent and Treat Breast Cancer\n\n{items}\n")
    assert lint(page, select="audience-mismatch", config=Config(
        raw_rules={"audience-mismatch": {"min_words": 50}})) == []
    # the same names in sentences are prose, and read far above a patient's level
    prose = page.replace(items, " ".join(
        f"Concomitant {a.lower()} and {b.lower()} administration necessitates pharmacokinetic "
        "surveillance." for a, b in zip(DRUGS * 3, DRUGS[1:] * 3, strict=False)))
    found = lint(prose, select="audience-mismatch", config=Config(
        raw_rules={"audience-mismatch": {"min_words": 50}}))
    assert [p.line for p in found] == [3]


def test_a_sentence_of_figures_is_prose_not_a_table_of_signs():
    prose = parse("# Outcomes\n\nApproximately 65% of individuals respond to the first "
                  "treatment, whereas 20% relapse within two years and 15% never respond to "
                  "any of the treatments that were offered to them.\n")
    graded = own_words(prose).grade(range(len(prose.blocks)), ["flesch_kincaid_grade"])
    assert graded.words == prose.stats.words  # every word of it is graded


def test_a_page_that_names_its_subject_throughout_is_not_a_page_for_professionals():
    # a consumer genetics page: short sentences, and its rare words are its own subject's
    # name (reading-grade still grades the page's long words)
    body = ("Phosphoglycerate dehydrogenase deficiency is a condition that affects the "
            "development of the brain. Children with phosphoglycerate dehydrogenase deficiency "
            "have small heads and frequent seizures. Phosphoglycerate dehydrogenase deficiency "
            "is passed down in families. ") * 5
    config = Config(raw_rules={"audience-mismatch": {"min_words": 50}})
    found = {}
    for title in ("Phosphoglycerate dehydrogenase deficiency", "A rare condition"):
        page = f"---\ntitle: {title}\naudienceLevel: patient\n---\n\n# {title}\n\n{body}\n"
        found[title] = [p.message for p in lint(page, select="audience-mismatch", config=config)]
    assert found["Phosphoglycerate dehydrogenase deficiency"] == []
    # the same words are rare on a page about something else, unless it explains them
    (message,) = found["A rare condition"]
    assert "rare words in 100 that it does not explain (over 5)" in message
    explained = body.replace("Phosphoglycerate dehydrogenase deficiency is a condition",
                             "Phosphoglycerate dehydrogenase deficiency (a lack of an enzyme "
                             "the brain needs) is a condition", 1)
    page = f"---\ntitle: A rare condition\naudienceLevel: patient\n---\n\n# A\n\n{explained}\n"
    assert lint(page, select="audience-mismatch", config=config) == []


def test_a_table_of_signs_run_into_the_text_is_not_prose_for_professionals():
    signs = " ".join(f"{name} {share}%" for name, share in zip(
        ("Anonychia", "Microcephaly", "Clinodactyly", "Cryptorchidism", "Hypertelorism",
         "Strabismus", "Syndactyly", "Brachydactyly", "Camptodactyly", "Blepharophimosis"),
        (90, 50, 7.5, 7.5, 7.5, 7.5, 7.5, 50, 90, 7.5), strict=True))
    prose = "Children with this condition are born with changes in their nails and fingers. " * 6
    page = (f"---\ntitle: A rare condition\naudienceLevel: patient\n---\n\n# A rare condition"
            f"\n\n{prose}\n\nSigns and Symptoms Approximate number of patients (when "
            f"available) {signs * 3}\n")
    config = Config(raw_rules={"audience-mismatch": {"min_words": 50}})
    assert lint(page, select="audience-mismatch", config=config) == []


def test_a_page_for_health_professionals_is_left_to_its_label():
    hp = FAR_ABOVE.replace("\n# carnitine palmitoyltransferase II deficiency\n",
                           "\n# Carnitine Palmitoyltransferase II Deficiency (PDQ®)–Health "
                           "Professional Version\n")
    found = lint(hp, select="reading-grade,audience-mismatch")
    assert [p.rule for p in found] == ["audience-mismatch"]


HP_SHORT = """\
---
title: Childhood Esophageal Cancer Treatment (PDQ®) - NCI
audienceLevel: patient
---

# Childhood Esophageal Cancer Treatment (PDQ®)–Health Professional Version

## Histology, Risk Factors, Symptoms, and Diagnosis

Esophageal cancer is rare in children and adolescents, although it is relatively common in
older adults. Most of these tumors are squamous cell carcinomas, although sarcomas can also
arise in the esophagus. The most common benign tumor is leiomyoma. Risk factors include caustic
ingestion, gastroesophageal reflux, and Barrett esophagus. Symptoms are related to difficulty
in swallowing and associated weight loss. Diagnosis is made by histological examination of
biopsy tissue. Prognosis is generally poor for children with esophageal cancer.

## Treatment of Childhood Esophageal Cancer

Treatment options for childhood esophageal carcinoma include external-beam or intracavitary
radiation therapy, chemotherapy with agents commonly used to treat carcinomas, and surgery.
Esophageal cancer in children can rarely be completely resected. Treatment options for
recurrent disease are individualized according to the extent of disease and prior therapy.
Enrollment in prospective clinical trials is recommended whenever available, and referral to
centers with pediatric oncology expertise is advised.
"""


def test_a_short_page_titled_for_health_professionals_is_told_to_say_so():
    # Too short for audience-mismatch; reading-grade names the fix once, at the page.
    config = Config(raw_rules={"reading-grade": {"min_section_words": 50}})
    (problem,) = lint(HP_SHORT, select="reading-grade,audience-mismatch", config=config)
    assert problem.rule == "reading-grade" and problem.line == 6
    assert "Its title says it is for health professionals: if it is, mark it so" in \
        problem.message


def test_weighed_words_count_as_short_words_or_not_at_all():
    doc = parse("Patients took capecitabine (kuh-PEE-sih-TAY-been) daily.\n")
    (sentence,) = doc.sentences
    plain = TextStats.from_sentences([sentence])
    kinds = {"capecitabine": SHORT_WORD, "kuh-PEE-sih-TAY-been": UNREAD}
    weighed = TextStats.weighed(sentence, [kinds.get(w.text, COUNTED) for w in sentence.words])
    assert plain.words == 5 and weighed.words == 4
    assert weighed.syllables == 2 + 1 + 1 + 2  # capecitabine is one syllable, the key none
    assert (plain.polysyllables, weighed.polysyllables) == (2, 0)


RESEARCH_UPDATES = """\
# Lung Cancer Research Results and Study Updates

- [Zenocutuzumab Approved to Treat Lung and Pancreatic Cancers with Rare Genetic
  Change](/news/2025/zenocutuzumab)

Posted: March 26, 2025

The Food and Drug Administration has approved zenocutuzumab for people with pancreatic or
non-small cell lung cancer whose tumors carry a rare genetic alteration called an NRG1 fusion,
based on results from a clinical trial involving patients whose cancers had progressed after
previous treatment.

- [Blood Test Could Identify People Likely to Benefit from
  Immunotherapy](/news/2024/blood-test)

Posted: June 3, 2024

Researchers have developed a blood test measuring circulating tumor DNA that may help identify
which patients with advanced lung cancer are most likely to respond to immune checkpoint
inhibitors, potentially sparing others from ineffective treatment and its side effects.

- [Osimertinib Improves Survival after Chemoradiation for Some Lung
  Cancers](/news/2024/osimertinib)

Posted: May 31, 2024

For people with inoperable stage III non-small cell lung cancer whose tumors have EGFR
mutations, maintenance treatment with osimertinib after chemoradiation substantially extended
the length of time before their cancer progressed, according to results of an international
randomized trial.
"""


def test_a_landing_page_of_link_cards_with_blurbs_is_not_graded():
    # Without its titles the blurbs read at 14.3: they are teasers for other pages.
    assert own_words(parse(RESEARCH_UPDATES)).landing_page
    assert lint(RESEARCH_UPDATES, select="reading-grade") == []


LUNG_DRUGS = (
    "# Drugs Approved for Lung Cancer\n\nThis page lists cancer drugs approved by the Food and "
    "Drug Administration for lung cancer, including drugs used for non-small cell lung cancer, "
    "which accounts for most cases, and drugs used for small cell lung cancer, which tends to "
    "grow and spread more quickly than other lung cancers. Combinations of drugs administered "
    "concurrently or sequentially are frequently recommended, because medications with "
    "different mechanisms of action may eliminate malignant cells more effectively than "
    "individual agents, although combination regimens are generally associated with more "
    "pronounced adverse effects requiring careful monitoring by the treating oncologist. "
    "Eligibility for particular medications frequently depends upon molecular characteristics "
    "identified through comprehensive biomarker testing of tumor tissue.\n\n" + "".join(
        f"- {name}\n" for name in (
            "Afatinib Dimaleate", "Alecensa (Alectinib)", "Alunbrig (Brigatinib)",
            "Amivantamab-vmjw", "Atezolizumab", "Avastin (Bevacizumab)",
            "Capmatinib Hydrochloride", "Crizotinib", "Dacomitinib", "Docetaxel", "Durvalumab",
            "Entrectinib", "Gefitinib", "Imfinzi (Durvalumab)", "Keytruda (Pembrolizumab)",
            "Lorlatinib", "Necitizumab", "Nivolumab", "Osimertinib Mesylate",
            "Pemetrexed Disodium", "Pralsetinib", "Ramucirumab", "Selpercatinib", "Sotorasib",
            "Tepotinib Hydrochloride", "Tremelimumab-actl", "Vinorelbine Tartrate")))


def test_a_list_of_names_neither_counts_nor_hides_the_hard_prose_above_it():
    # As 27 short sentences of names the list would pull the page's grade down to 6.2.
    (problem,) = lint(LUNG_DRUGS, select="reading-grade")
    assert "21.3 in the writer's own words" in problem.message


def test_gene_and_drug_names_count_as_short_words_but_medical_words_in_capitals_do_not():
    doc = parse("# Alport syndrome\n\nCOL4A5 gene mutations cause most cases. Treatment may "
                "include capecitabine or zongertinib. Common signs (when known) Hypertonia 90% "
                "Microcephaly 50%.\n")
    gene, drugs, table = [s for s in doc.sentences if s.block.kind == "paragraph"]
    counted = own_words(doc).sentences[gene.block_index]
    # COL4A5 (a name: 1), gene, mutations 3, cause, most, cases 2
    assert counted[0].syllables == 1 + 1 + 3 + 1 + 1 + 2
    # treatment 2, may, include 2, capecitabine (on the list of drugs: 1), or, zongertinib
    # (a drug's ending: 1)
    assert counted[1].syllables == 2 + 1 + 2 + 1 + 1 + 1
    assert not _name(table, [w.text for w in table.words].index("Hypertonia"))


def test_the_sentences_a_site_repeats_are_not_the_writers_own():
    doc = parse(GARD_STOCK)
    assert own_words(doc).grade(range(len(doc.blocks)), ["flesch_kincaid_grade"]).words < 30
    assert doc.stats.words > 200


def test_a_page_with_no_full_stops_is_told_so_not_given_a_grade_of_thousands():
    words = " ".join(["the patient with a chronic condition should consider the options"] * 60)
    text = f"---\ntitle: T\naudienceLevel: patient\n---\n\n{words}\n"
    grade = lint(text, select="reading-grade")[0].message
    assert grade.startswith("Reading grade of this document is beyond 30 (Flesch-Kincaid): its "
                            "sentences are 600 words long on average, so full stops may be "
                            "missing; the limit for these readers is 8."), grade
    mismatch = lint(text, select="audience-mismatch")[0].message
    assert "grade beyond 30 (over 13) and 600.0 words a sentence (over 22)" in mismatch
    longer = text.replace(words, " ".join([words] * 2))
    assert lint(longer, select="long-sentence")[0].message.startswith(
        "This sentence has 1,200 words;")
    # written with its comma as the other rules write it
    assert "and 1,200.0 words a sentence (over 22)" in \
        lint(longer, select="audience-mismatch")[0].message
    # a grade that means something is still given as a figure
    assert re.search(r"is \d+\.\d \(Flesch-Kincaid\)", lint("# Title\n\n" + HARD,
                                                            select="reading-grade")[0].message)


def test_a_common_word_is_counted_as_it_stands_even_where_what_follows_reads_as_a_gloss():
    # ", the ..." after "However" reads like an appositive; "however" is no term the page
    # explains, so its three syllables count here and wherever it recurs
    doc = parse("# Care\n\nHowever, the nurse will visit. However it goes, we will help.\n"
                "The hepatologist, a liver doctor, will visit.\n")
    first, second, third = own_words(doc).sentences[1]
    assert first.syllables == 3 + 1 + 1 + 1 + 2  # however, the, nurse, will, visit
    assert second.syllables == 3 + 1 + 1 + 1 + 1 + 1  # however, it, goes, we, will, help
    # a rare word the page explains still counts as a short word
    assert third.syllables == 1 + 1 + 1 + 2 + 2 + 1 + 2  # the, hepatologist read as 1, ...
