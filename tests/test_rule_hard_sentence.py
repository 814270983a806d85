"""hard-sentence and the sentence difficulty score: which sentences are hard, why, per
audience, exact spans; section and page scores; the shipped weights and how they are made."""

from __future__ import annotations

import sys

import pytest
from helpers import ROOT, SHARED, dedent, lint, positions

from readlint import difficulty, document
from readlint.checks.hard_sentence import HardSentence, how_well
from readlint.config import Config
from readlint.stock import stock_key
from readlint.wordforms import topic_words

HARD = ("Concomitant administration of CYP3A4 inhibitors necessitates dose modification, as "
        "plasma concentrations may increase substantially (HR 2.1; 95% CI 1.4 to 3.2).")
PLAIN = "Your doctor may give you a smaller dose if you take other medicines."
# Hard, but not as hard as HARD: over the patient limit (80), under the caregiver one (85).
MIDDLE = ("Hepatotoxicity and QT interval prolongation were observed in susceptible "
          "individuals receiving capecitabine.")
ON = Config(raw_rules={"hard-sentence": "warning"})  # off in the bundled rule sets


def test_on_for_patients_and_off_for_professionals():
    text = f"{PLAIN}\n\n{HARD}\n"
    assert positions(lint(text, select="hard-sentence")) == [(3, 1)]
    assert lint(text, select="hard-sentence", audience="professional") == []
    assert positions(lint(text, select="hard-sentence", config=ON)) == [(3, 1)]
    # naming a severity with other settings turns it on too
    config = Config(raw_rules={"hard-sentence": {"severity": "info", "max_score": 5}})
    assert positions(lint(text, select="hard-sentence", config=config)) == [(1, 1), (3, 1)]


def scores(text: str) -> list[float]:
    return [d.score for d in difficulty.text_difficulties(dedent(text))]


def test_plain_sentences_score_low_and_technical_ones_high():
    plain, hard, middle = scores(f"{PLAIN}\n\n{HARD}\n\n{MIDDLE}\n")
    assert plain < 20 < 80 < middle < 85 < hard


@pytest.mark.parametrize("audience, expected", [
    ("patient", [(3, 1), (5, 1)]),  # limit 80
    ("caregiver", [(3, 1)]),  # limit 85
    ("professional", [(3, 1)]),  # off in its rule set; turned on, the base limit (90)
])
def test_each_audience_has_its_limit(audience, expected):
    text = f"{PLAIN}\n\n{HARD}\n\n{MIDDLE}\n"
    assert positions(lint(text, select="hard-sentence", audience=audience, config=ON)) == \
        expected


def test_message_gives_score_limit_and_reasons_and_span_covers_the_sentence():
    text = "Intro.\n\n" + HARD.replace(" dose modification,", "\ndose modification,") + "\n"
    (problem,) = lint(text, select="hard-sentence", config=ON)
    assert problem.message.startswith("This sentence is hard to read: difficulty 99 of 100 "
                                      "(the limit is 80). What makes it hard, the heaviest "
                                      "first: 11 of its 21 words are long (\"Concomitant\", "
                                      "\"administration\", \"inhibitors\", ...; four numbers "
                                      "or abbreviations); three "
                                      "statistical terms; 21 words; four numbers. Split "
                                      "it into shorter sentences with plainer words.")
    (short,) = lint("Intro.\n\n" + MIDDLE + "\n", select="hard-sentence", config=ON)
    assert short.message.endswith(" Say it with plainer words.")  # 12 words: not to split
    assert (problem.line, problem.column, problem.end_line) == (3, 1, 4)
    assert text[problem.start:problem.end] == HARD.replace(" dose modification,",
                                                           "\ndose modification,")
    assert problem.code == "RL103"


def test_a_hard_sentence_is_not_also_reported_as_long():
    text = f"{PLAIN}\n\n{HARD}\n\n{PLAIN} {PLAIN.lower()}\n"  # the last: long, not hard
    both = [(p.rule, p.line) for p in lint(text, select="hard-sentence,long-sentence")]
    assert both == [("hard-sentence", 3), ("long-sentence", 5)]
    alone = [(p.rule, p.line) for p in lint(text, select="long-sentence")]
    assert alone == [("long-sentence", 3), ("long-sentence", 5)]


def test_max_score_option_from_config():
    config = Config(raw_rules={"hard-sentence": {"enabled": True, "max_score": 99.5}})
    assert lint(f"{HARD}\n", select="hard-sentence", config=config) == []
    config = Config(raw_rules={"hard-sentence": {"enabled": True, "max_score": 5}})
    assert positions(lint(f"{PLAIN}\n", select="hard-sentence", config=config)) == [(1, 1)]


def test_a_paragraph_in_another_language_is_not_scored():
    # the model and its word lists are English: "riñones" and "médico" are everyday Spanish
    spanish = ("Cuando la presión se mantiene alta durante mucho tiempo, puede dañar el "
               "corazón, los riñones y el cerebro, y aumentar el riesgo de sufrir un ataque "
               "cardíaco o un derrame cerebral, por eso es importante seguir las indicaciones "
               "de su médico.")
    text = f"# High blood pressure\n\n## En español\n\n{spanish}\n\n## More\n\n{HARD}\n"
    found = lint(text, select="hard-sentence", config=ON)
    assert [p.line for p in found] == [9]  # the English one only
    assert lint(f"---\nlanguage: es\n---\n\n{spanish}\n", select="hard-sentence",
                config=ON) == []


def test_headings_table_cells_and_references_are_not_reported():
    text = f"""\
        # {MIDDLE.rstrip('.')}

        | Drug | What it does |
        | --- | --- |
        | T-DM1 | {HARD} |

        ## References

        1. {HARD}
        """
    assert lint(text, select="hard-sentence", config=ON) == []


@pytest.mark.parametrize("text", [
    # a table of signs run into one paragraph
    "Signs and Symptoms Approximate number of patients Hypotonia 90% Microcephaly 90% "
    "Seizures 50% Nystagmus 7.5%",
    "Signs Autosomal recessive inheritance - Ataxia - Dysarthria - Hyporeflexia - Nystagmus",
    # a key
    "1 = Well established 2 = Weight of evidence favors 3 = Suggested by studies",
    # list items that lost their marks
    "certain chemotherapeutics (anti-cancer drugs). antidepressants anticonvulsants sedatives",
    "Rheumatoid arthritis Hyperthyroidism Chronic lung disease Hyperparathyroidism "
    "Inflammatory bowel disease Cancer",
    # two sentences with no full stop between them
    "Genetic Testing Registry: Hereditary neuralgic amyotrophy These resources offer "
    "information about the diagnosis of many conditions.",
    # a name
    "NIH: National Institute of Diabetes and Digestive and Kidney Diseases",
    # a list item of linked names
    "- [Targeted therapy](/t) with a [proteasome inhibitor](/p) ([bortezomib](/b)).",
    # a table of figures
    "Your weight in pounds 5 percent loss in pounds 7 percent loss in pounds 150 8 11 175 9 "
    "12 200 10 14",
    # a list after its lead-in, its items run together
    "Other factors may include: Blood disorders, called coagulopathies, which impair the "
    "ability to clot Spasms in the blood vessels of the kidney",
    # a title that ends in a capitalised word, then the next line
    "MedlinePlus Encyclopedia: Undescended Testicle These resources offer information about "
    "many conditions.",
    # an outside resource named by its source and title
    "- Genetic Testing Registry: Mitochondrial DNA depletion syndrome 5 (encephalomyopathic "
    "with methylmalonic aciduria)",
    # two sentences with no full stop before a word that starts a sentence
    "Increased activity of the sympathetic nervous system Although most cases of POTS appear "
    "to occur by chance, some affected people report a family history of the condition.",
    # the title of a file a link leads to
    "2010 CDC Case Report Form: Tickborne Rickettsial Diseases (2010 version) (PDF – 982kb; 3 "
    "pages)",
    # or with the space before the full stop
    "PRCC can be divided into two types, one more common and one more aggressive .Though the "
    "exact cause is unknown, smoking is a risk.",
    # a label that the text after it starts with again
    "Stereotactic radiation therapy: Stereotactic radiation therapy is a type of external "
    "radiation therapy.",
    # or after an abbreviation
    "The FDA approved a drug called modafinil for the treatment of EDS. Two classes of "
    "antidepressant drugs work well.",
    # a heading run into its paragraph, which says it again
    "Monoclonal Gammopathy of Undetermined Significance Treatment of monoclonal gammopathy of "
    "undetermined significance (MGUS) is usually watchful waiting.",
    # a heading run into its paragraph, which starts with it again
    "Pyogenic Granuloma Pyogenic granuloma is also called lobular capillary hemangioma.",
    # a reference: more figures than words
    "2007 Jun 28;356(26):2700-3.",
    # codes each with a name in brackets: a table run together
    "Mutations in other genes may cause the less common types of this disease in only a few "
    "of the families studied so far, such as IFITM5 (type five) SERPINF1 (type six) CRTAP "
    "(type seven) PPIB (type nine) in some families",
])
def test_tables_keys_lists_and_names_run_into_the_text_are_not_sentences(text):
    doc = document.parse(text + "\n")
    assert [difficulty.not_a_sentence(doc, i) for i in range(len(doc.sentences))] == [True]
    assert lint(text + "\n", select="hard-sentence",
                config=Config(raw_rules={"hard-sentence": {"severity": "warning",
                                                           "max_score": 1}})) == []


@pytest.mark.parametrize("text", [
    HARD, MIDDLE, PLAIN,
    "Children with Down syndrome who live in Japan were treated at Johns Hopkins, said Dr. "
    "Smith.",
    "The tumor grows in the lining of the uterus - the endometrium - and may spread.",
    "Patients received 5 mg a day (see Table 2), and 2 of 10 had nausea.",
    "HPV types 16 and 18 cause 70 percent of cancers and types 31, 33, 45, 52, and 58 another "
    "20 percent.",
    "Editor's Note: Updated results published in The Lancet Oncology show that the benefit "
    "was sustained.",
    "Call 1-800-422-6237 between 9:00 a.m. and 9:00 p.m. on weekdays to talk with a cancer "
    "specialist.",
    "Breast Cancer Awareness Month reminds women that breast cancer awareness matters.",
    "Patients with chronic lymphocytic leukemia (CLL) or small lymphocytic lymphoma (SLL) and "
    "other conditions (diabetes) did well.",
])
def test_real_sentences_are_sentences(text):
    doc = document.parse(text + "\n")
    assert [difficulty.not_a_sentence(doc, i) for i in range(len(doc.sentences))] == [False]


def test_a_list_run_into_the_text_again_and_a_heading_written_as_a_question_are_not_sentences():
    text = """\
        ---
        title: Congenital adrenal hyperplasia due to 21-hydroxylase deficiency
        ---
        Is congenital adrenal hyperplasia due to 21-hydroxylase deficiency inherited?

        Risk factors include:

        - high blood pressure
        - high blood cholesterol
        - coronary heart disease

        About 1 in 3 people also has high blood pressure high blood cholesterol coronary heart
        disease or stroke.

        People with high blood pressure or high blood cholesterol should see a doctor.

        Is the hormone made by the adrenal glands, cortisol, too low in children?
        """
    doc = document.parse(dedent(text))
    rejected = [doc.sentences[i].text[:20] for i in range(len(doc.sentences))
                if difficulty.not_a_sentence(doc, i)]
    assert rejected == ["Is congenital adrena", "About 1 in 3 people "]


def test_stock_sentences_and_names_of_a_kind_given_are_not_reported(monkeypatch):
    text = f"""\
        ---
        title: Capecitabine
        audienceLevel: patient
        ---
        {HARD}

        This chemotherapy combination contains the drugs cyclophosphamide, doxorubicin
        hydrochloride, vincristine sulfate, mechlorethamine hydrochloride, and procarbazine
        hydrochloride.

        Associated genetic disorders include abetalipoproteinemia, hypobetalipoproteinemia,
        and chylomicron retention disease.

        Some affected individuals reportedly have had various abnormalities including
        multiple malformations, panmyelopathy, and latent diabetes.
        """
    doc = document.parse(dedent(text))
    found = difficulty.sentence_difficulties(doc)
    assert all(d.score > 80 for d in found)  # the limit for patients
    # names that have no plainer words, their kind given
    assert [difficulty.set_aside(doc, d) for d in found] == [False, True, True, False]
    assert positions(lint(dedent(text), select="hard-sentence", config=ON)) == [(5, 1), (14, 1)]
    # a sentence the site repeats on page after page (here, as if it were one)
    key = stock_key(doc.sentences[found[0].place], topic_words(doc))
    monkeypatch.setattr(difficulty, "stock_sentences", lambda: frozenset({key}))
    assert difficulty.set_aside(doc, found[0])
    assert positions(lint(dedent(text), select="hard-sentence", config=ON)) == [(14, 1)]
    # nor are they among the sentences to rewrite first
    assert [d.place for d in difficulty.to_rewrite(doc)] == [found[-1].place]


def test_names_of_a_kind_may_follow_their_kind_and_a_comma():
    doc = document.parse("- other types of antidepressants, such as duloxetine (Cymbalta), "
                         "venlafaxine, bupropion (Wellbutrin), paroxetine (Paxil), and "
                         "citalopram (Celexa)\n")
    (item,) = difficulty.sentence_difficulties(doc)
    assert difficulty.names_of_a_kind(doc, item)


def test_examples_of_a_kind_are_names_of_a_kind():
    doc = document.parse("Examples include Fanconi anemia, Shwachman-Diamond syndrome, "
                         "dyskeratosis congenita, and Diamond-Blackfan anemia.\n")
    (item,) = difficulty.sentence_difficulties(doc)
    assert difficulty.names_of_a_kind(doc, item)


@pytest.mark.parametrize("text", [
    # names with words after their brackets
    "Monoclonal antibodies, tyrosine kinase inhibitors, mammalian target of rapamycin (mTOR) "
    "inhibitors, and PARP inhibitors are types of targeted therapies.",
    # two names in a short frame
    "Two examples are thrombotic thrombocytopenic purpura (TTP) and disseminated "
    "intravascular coagulation (DIC).",
    "These may include alanine aminotransferase (ALT) or aspartate aminotransferase (AST).",
    # a kind not given, in a short frame
    "Other options include: sulfasalazine, methotrexate, leflunomide, and hydroxychloroquine.",
    "These procedures may include cardiac catheterization (KATH-e-ter-i-ZA-shun), coronary "
    "angiography (an-jee-OG-ra-fee), or myocardial biopsy.",
])
def test_more_names_of_a_kind(text):
    doc = document.parse(text + "\n")
    (item,) = difficulty.sentence_difficulties(doc)
    assert difficulty.names_of_a_kind(doc, item)


def test_names_of_a_kind_may_open_the_sentence():
    doc = document.parse("Terazosin (Hytrin), doxazosin (Cardura), tamsulosin (Flomax), "
                         "alfuzosin (Uroxatral), and silodosin (Rapaflo) are medications that "
                         "relax the bladder.\n")
    (item,) = difficulty.sentence_difficulties(doc)
    assert difficulty.names_of_a_kind(doc, item)


@pytest.mark.parametrize("text", [
    # a long sentence whose last words happen to be a list
    "A resurgence of research into the therapeutic potential of psychedelic drugs has produced "
    "preliminary evidence for the possible role of psilocybin-assisted psychotherapy in the "
    "treatment of cancer-related anxiety, depression, and existential distress.",
    # a list of signs, to make a list of and explain
    "Other signs of Behr syndrome include ataxia, spasticity, nystagmus, and variable "
    "pyramidal tract dysfunction.",
    # two names, but a frame that says more
    "Dopamine agonists are generally less effective than levodopa in controlling rigidity "
    "and bradykinesia.",
    # a list whose items are sizes, not names
    "Common food items that can be used to show tumor size include: a pea (1 cm), a peanut "
    "(2 cm), a grape (3 cm), and a walnut (4 cm).",
])
def test_sentences_that_end_in_a_list_are_not_all_names_of_a_kind(text):
    doc = document.parse(text + "\n")
    (item,) = difficulty.sentence_difficulties(doc)
    assert not difficulty.names_of_a_kind(doc, item)


def test_a_score_that_rounds_to_the_limit_is_not_over_it():
    (item,) = difficulty.text_difficulties(MIDDLE + "\n")
    limit = round(item.score)  # 83
    config = Config(raw_rules={"hard-sentence": {"severity": "warning", "max_score": limit}})
    assert lint(MIDDLE + "\n", select="hard-sentence", config=config) == []
    config = Config(raw_rules={"hard-sentence": {"severity": "warning",
                                                 "max_score": limit - 1}})
    assert len(lint(MIDDLE + "\n", select="hard-sentence", config=config)) == 1


def test_reasons_name_terms_abbreviations_and_length():
    (item,) = difficulty.text_difficulties(MIDDLE + "\n")
    assert item.terms == ("capecitabine",)
    assert item.abbreviations == ("QT",)
    assert item.reasons() == ["7 of its 12 words are long (\"Hepatotoxicity\", \"interval\", "
                              "\"prolongation\", ...)", "one abbreviation (\"QT\")",
                              "one term a reader may not know (\"capecitabine\")"]
    long = " ".join(["the dog ran to the park and back"] * 5) + "."
    (item,) = difficulty.text_difficulties(long + "\n")
    assert item.reasons()[0] == "40 words"


def test_explained_or_linked_terms_and_the_pages_subject_are_not_unknown():
    text = """\
        ---
        title: Capecitabine
        ---
        Your doctor may suggest a cholecystectomy (surgery to remove the gallbladder).

        After the cholecystectomy, you may take [lapatinib](https://example.org/lapatinib)
        or capecitabine. Lapatinib can cause diarrhea. So can a lumpectomy.
        """
    found = difficulty.text_difficulties(dedent(text))
    assert [d.terms for d in found] == [(), (), (), ("lumpectomy",)]
    assert [d.counts.explained_terms for d in found] == [1, 1, 0, 0]


def counted(text: str) -> difficulty.Counts:
    (found,) = difficulty.counts_of(document.parse(text)).values()
    return found.counts


def test_reference_marks_are_not_numbers():
    counts = counted("Most anal cancers are related to it.[6,7]\n")
    assert (counts.numbers, counts.brackets) == (0, 0)
    counts = counted("About 17% of 240 people (1 in 6) had it.\n")
    assert (counts.numbers, counts.brackets) == (4, 1)


def test_names_and_labels_written_with_digits_or_numerals_are_words_not_figures():
    # gene names, drug codes, subtype labels and karyotypes: not numbers, not abbreviations,
    # not long words
    for text in ("The TREX1, RNASEH2A, RNASEH2B, and RNASEH2C genes provide instructions.\n",
                 "GSDIII is divided into types IIIa, IIIb, IIIc, and IIId.\n",
                 "T-DM1 targets the HER2 protein on 11p11.2.\n",
                 "This phenomenon is called 46,XX/47,XXX mosaicism.\n"):
        (found,) = difficulty.counts_of(document.parse(text)).values()
        assert found.counts.numbers == 0, text
        assert not [w for w in found.abbreviations + found.long_words
                    if any(c.isdigit() for c in w) or w.startswith(("III", "XX"))], text
    counts = counted("Types IIIa and IIIc mainly affect the liver and muscles.\n")
    assert (counts.numbers, counts.long_words) == (0, 0)  # "IIIa" was two syllables more
    # numbers that name a chromosome, a type or a stage are labels too
    counts = counted("HPV types 6, 11, 16, and 18 cause type 2 problems on chromosome 21 in 40 "
                     "of 50 people aged 65.\n")
    assert counts.numbers == 3
    counts = counted("Gardasil 9 prevents cancers caused by seven HPV types (16, 18, 31, 33, 45, "
                     "52, and 58) in 9 of 10 people.\n")
    assert counts.numbers == 3
    # figures are still figures: with a unit, a range, an age, a decade; a telephone number
    # is a label
    counts = counted("About 57-60% of 7-year-olds took 10mg for 2hours in the mid-1970s; call "
                     "1-800-232-4636 or 404-639-1075.\n")
    assert counts.numbers == 5


def test_names_are_not_long_words():
    (found,) = difficulty.counts_of(document.parse(
        "The National Institute of Neurological Disorders and Stroke supports research on "
        "dementia at the Mayo Clinic in Rochester.\n")).values()
    assert found.long_words == ("dementia",)  # "The" starts the sentence: not a name
    assert found.counts.long_words == 1


def test_the_name_of_the_pages_subject_is_not_long_words():
    text = """\
        ---
        title: Primary ciliary dyskinesia
        ---
        Primary ciliary dyskinesia occurs in approximately 1 in 16,000 individuals.

        The cilia are primary parts of the cell.
        """
    found = difficulty.text_difficulties(dedent(text))
    assert [d.long_words for d in found] == [("approximately", "individuals"),
                                             ("cilia", "primary")]
    # a title of one word
    (found,) = difficulty.text_difficulties("---\ntitle: Schizencephaly\n---\nSchizencephaly "
                                            "is typically diagnosed by a scan.\n")
    assert found.long_words == ("typically", "diagnosed")


def test_abbreviations_the_page_spelled_out_linked_or_titled_are_not_counted_again():
    text = """\
        ---
        title: Urinary Incontinence in Children
        ---
        Some children have obstructive sleep apnea (OSA) or a gastrointestinal stromal tumor
        (GIST). Others take a [PPI](https://example.org/ppi).

        ## Other causes

        Nighttime UI is linked with OSA, GISTs, PPI use and ADHD.

        Mutations in the KRAS, NRAS and BRAF genes are rare; so is MNT.
        """
    found = difficulty.text_difficulties(dedent(text))
    assert [d.abbreviations for d in found] == [(), (), ("ADHD",), ("MNT",)]
    # an abbreviation is named as one, or not at all, never as a long word
    assert not {"OSA", "GISTs", "ADHD"} & set(found[2].long_words)
    # used before it is spelled out, an abbreviation is still one a reader may not know
    (first, _) = difficulty.text_difficulties("An OSA test.\n\nSleep apnea (OSA) is common.\n")
    assert first.abbreviations == ("OSA",)


def test_statistics_passive_and_clauses_are_counted():
    text = ("Survival was improved (OR 4.60; 95% CI 1.53 to 13.85), which was not seen in "
            "controls, although the trials were small.\n")
    counts = counted(text)
    assert (counts.statistics, counts.passive, counts.which_clauses, counts.other_clauses) == \
        (3, 2, 1, 1)  # "OR", "95%", "CI"; "was improved", "was not seen"
    assert counted("The tumor is 2 cm thick; OR it has spread.\n").statistics == 0  # "or"
    assert counted("The hazard ratio was lower; the result was statistically "
                   "significant.\n").statistics == 2
    # a check counts only what the model weighs; the rest is counted for fitting
    (item,) = difficulty.text_difficulties(text)
    weights = dict(zip(difficulty.FEATURES, difficulty.model().weights, strict=True))
    assert item.counts.statistics == 3
    assert item.counts.passive == (2 if weights["passive"] else 0)


def test_sections_and_page_are_scored_from_their_sentences():
    text = f"""\
        # Your treatment

        {PLAIN} Ask about each one.

        ## How the drug works

        {HARD}

        ## References

        {HARD}
        """
    doc = document.parse(dedent(text))
    found = difficulty.sentence_difficulties(doc)
    sections = difficulty.section_difficulties(doc)
    assert [s.heading for s in sections] == ["Your treatment", "How the drug works",
                                             "References"]
    plain, hard, references = sections
    assert plain.score is not None and hard.score is not None and references.score is None
    assert plain.score < 20 < 90 < hard.score
    assert doc.sentences[hard.hardest].text == HARD
    page = difficulty.page_difficulty(doc)
    assert page is not None and plain.score < page < hard.score
    # weighed by words: the 21-word hard sentence outweighs the two short plain ones
    assert [d.place for d in found] == [1, 2, 4]  # not headings, nor references
    assert page > sum(d.score for d in found) / 3
    assert [d.place for d in difficulty.hardest(doc, 2)] == [4, 1]
    # every sentence, when asked: headings and the references too
    everything = difficulty.sentence_difficulties(doc, skip=None)
    assert [d.place for d in everything] == list(range(len(doc.sentences)))
    assert everything[6].score == hard.score


def test_the_sentence_at_a_place_in_the_file():
    text = f"# Title\n\n{PLAIN} {HARD}\n"
    doc = document.parse(text)
    at = difficulty.difficulty_at(doc, text.index("necessitates"))
    assert at is not None and doc.sentences[at.place].text == HARD and at.score > 90
    title = difficulty.difficulty_at(doc, 3)
    assert title is not None and doc.sentences[title.place].text == "Title"
    assert difficulty.difficulty_at(doc, text.index("\n\n")) is None


def test_the_same_sentence_always_gets_the_same_score():
    first = difficulty.text_difficulties(f"{HARD}\n")
    assert first == difficulty.text_difficulties(f"{HARD}\n")


def test_explain_says_how_the_score_is_made_and_how_well_it_did():
    text = HardSentence.help()
    for phrase in ("logistic model", "Cochrane", "held out of fitting", "Flesch-Kincaid",
                   "No ratings of these sentences by readers"):
        assert phrase in text
    assert how_well() in text
    figures = difficulty.model().figures
    assert set(figures) == {"cochrane", "pdq"}
    assert [row["measure"] for row in figures["cochrane"]] == [
        "difficulty score", "Flesch-Kincaid grade", "SMOG", "Dale-Chall score"]


def test_shipped_weights_are_for_these_counts_and_none_is_negative():
    model = difficulty.model()
    assert len(model.weights) == len(difficulty.FEATURES)
    assert all(w >= 0 for w in model.weights)
    assert "held out" in model.about


def test_the_fit_is_deterministic_and_keeps_its_rules():
    pytest.importorskip("numpy")
    sys.path.insert(0, str(ROOT / "tools"))
    import fit_sentence_difficulty as fitter

    x, y, w = [], [], []
    for i in range(200):
        hard = i % 2
        counts = difficulty.Counts(words=12 + i % 7, long_words=(i % 5) + 3 * hard,
                                   statistics=hard * (i % 3), commas=(i // 2) % 4,
                                   numbers=(i // 2) % 3)
        x.append(list(difficulty.inputs(counts)))
        y.append(float(hard if i % 7 else 1 - hard))  # some marked wrongly, as in real data
        w.append(1.0)
    first = fitter.fit(x, y, w, extra=3.0)
    assert first == fitter.fit(x, y, w, extra=3.0)
    weights, _ = first
    named = dict(zip(difficulty.FEATURES, weights, strict=True))
    assert all(v >= 0 for v in weights)
    assert named["commas"] == 0  # no use to the fit: it would be negative, held at zero
    assert named["statistics"] > 0 and named["long_word_share"] > 0
    # length is not fitted: a word weighs what Flesch-Kincaid's trade gives it against the
    # long words' weight in a fit without length
    without, _ = fitter.fit(x, y, w, extra=3.0, length=False)
    share = difficulty.FEATURES.index("long_word_share")
    assert without[0] == 0
    assert named["words"] == pytest.approx(without[share] * 0.39 / (11.8 * 3.0), abs=1e-6)


def test_plain_summaries_of_cochrane_reviews_score_lower_than_their_abstracts():
    folder = SHARED / "cochrane"
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    sources = (folder / "val.source").read_text(encoding="utf-8").splitlines()[:40]
    targets = (folder / "val.target").read_text(encoding="utf-8").splitlines()[:40]
    right = 0
    for source, target in zip(sources, targets, strict=True):
        hard = difficulty.page_difficulty(document.parse(source))
        plain = difficulty.page_difficulty(document.parse(target))
        assert hard is not None and plain is not None
        right += plain < hard
    assert right >= 34  # 85%


def test_the_score_counts_abbreviations_as_its_weights_were_fitted():
    from readlint import difficulty
    from readlint.vocabulary import EVERYDAY_ABBREVIATIONS
    # MRI is everyday to the vocabulary rules, but the weights were fitted counting it (its
    # English frequency is under the abbreviation limit): the score keeps doing so
    assert "MRI" in EVERYDAY_ABBREVIATIONS
    assert "MRI" not in difficulty.FITTED_EVERYDAY_ABBREVIATIONS
    (scored,) = difficulty.text_difficulties("Your doctor may order an MRI and a PET scan of "
                                             "the chest.")
    assert scored.abbreviations == ("MRI",)


# The names-opening pattern as it was written first: the same matches, but it tried every way
# of sharing the spaces around each comma between a name and the comma (hours for 40 commas).
_NAMES_OPENING_FIRST = (r"(?:[^,;()]+(?:\([^()]*\)[^,;()]*)?\s*,\s*){2,}(?:(?:and|or)\s+)?"
                        r"[^,;()]+?(?:\s*\([^()]*\))?(?=\s+(?:are|is|were)\s)")


def test_names_opening_a_sentence_end_where_they_did_before_the_pattern_was_made_linear():
    """Every text of up to six pieces: names, commas with and without spaces, brackets, "and",
    "are", a semicolon."""
    import itertools
    import re

    first = re.compile(_NAMES_OPENING_FIRST)
    pieces = ["Drug", " x", ", ", ",", "  ", " (A)", " and ", " are ", ";"]
    for size in range(1, 7):
        for parts in itertools.product(pieces, repeat=size):
            text = "".join(parts)
            want, got = first.match(text), difficulty._NAMES_OPENING.match(text)
            assert (got and got.end()) == (want and want.end()), text


def test_two_sentences_with_no_space_after_the_full_stop_are_read_as_two():
    doc = document.parse("Kidney damage is common in the elderly.Phosphate supplements may "
                         "harm the kidneys of children.\n")
    assert [s.text for s in doc.sentences] == [
        "Kidney damage is common in the elderly.",
        "Phosphate supplements may harm the kidneys of children."]
    assert not difficulty.not_a_sentence(doc, 1)  # a sentence like any other
