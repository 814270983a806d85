"""plain-words: complex words with plain substitutes."""

from __future__ import annotations

import pytest
from helpers import lint

from readlint.config import Config


def found(text, config=None):
    return [(p.subject, p.line, p.column, p.message)
            for p in lint(text, select="plain-words", config=config)]


def test_words_and_phrases_with_their_substitutes_in_form_and_case():
    assert found("Physicians utilize tests prior to surgery. We utilized it.") == [
        ("Physicians", 1, 1, 'Use "Doctors" instead of "Physicians".'),
        ("utilize", 1, 12, 'Use "use" instead of "utilize".'),
        ("prior to", 1, 26, 'Use "before" instead of "prior to".'),
        ("utilized", 1, 47, 'Use "used" instead of "utilized".'),
    ]


def test_fix_is_offered_only_when_enabled():
    (off,) = lint("Wait prior to eating.", select="plain-words")
    assert off.fix is None
    config = Config(raw_rules={"plain-words": {"fix": True}})
    (on,) = lint("Wait prior to eating.", select="plain-words", config=config)
    assert (on.fix.start, on.fix.end, on.fix.replacement) == (5, 13, "before")


def test_project_words():
    config = Config(raw_rules={"plain-words": {"words": {"oncologist": "cancer doctor"}}})
    assert found("See an oncologist.", config) == \
        [("an oncologist", 1, 5, 'Use "a cancer doctor" instead of "an oncologist".')]


def test_word_list_sources_are_named():
    from importlib import resources
    text = (resources.files("readlint") / "data" / "plain-words.yaml").read_text("utf-8")
    assert "plainlanguage.gov" in text and "CDC" in text


def test_one_voice_per_word_the_plain_word_wins_over_the_link(tmp_path):
    from helpers import lint

    # A glossary of the test's own: it has no record of how editors link its terms, so
    # glossary-link asks for a link at each term's first use, whatever the bundled data says.
    glossary = tmp_path / "terms.yaml"
    glossary.write_text("name: terms\nurl_template: https://example.org/terms/{id}\nterms:\n"
                        "  - {term: hepatic, id: '1'}\n", encoding="utf-8")
    own = Config(raw_rules={"glossary-link": {"glossaries": [str(glossary)]}})
    text = "Ask about hepatic tumors.\n"
    alone = [(p.rule, p.subject) for p in lint(text, select="glossary-link", config=own)]
    assert alone == [("glossary-link", "hepatic")]
    both = [(p.rule, p.subject) for p in lint(text, select="glossary-link,plain-words",
                                              config=own)]
    assert both == [("plain-words", "hepatic")]


def test_swaps_that_would_not_read_right_are_not_offered():
    assert found("An abdominal scan is done.") == \
        [("An abdominal", 1, 1, 'Use "A belly" instead of "An abdominal".')]
    for text in ("The oral cavity is checked.", "In addition to asking, rest.",
                 "However, rest.", "She had vulvar lesions.", "Oral Cavity Cancer is rare.",
                 "Take oral medicine."):
        assert found(text) == [], text


def test_word_list_without_plain_words_is_named_not_a_crash(tmp_path):
    from readlint.errors import ConfigError

    words = tmp_path / "words.yaml"
    words.write_text("words:\n  - {complex: utilize}\n", encoding="utf-8")
    config = Config(raw_rules={"plain-words": {"word_lists": [str(words)]}})
    with pytest.raises(ConfigError) as info:
        found("Utilize it.", config)
    assert str(info.value) == \
        f"{words}: words.0: each pair needs a 'complex' and a 'plain' word"


def test_empty_substitute_is_refused():
    from readlint.errors import ConfigError
    from readlint.linter import Linter

    with pytest.raises(ConfigError) as info:
        Linter(Config(raw_rules={"plain-words": {"words": {"utilize": ""}}}))
    assert "rules.plain-words.words.utilize" in str(info.value)


# -- the substitute agrees with the word where it stands ----------------------------------------


def test_a_participle_gets_the_participle_of_the_substitute():
    assert found("Pegloticase, a medicine administered by intravenous infusion, may help.\n"
                 "The biopsy is usually performed under local anesthesia.\n"
                 "Surgeons have performed the operation since 1990.\n") == [
        ("administered", 1, 25, 'Use "given" instead of "administered".'),
        ("performed", 2, 23, 'Use "done" instead of "performed".'),
        ("performed", 3, 15, 'Use "done" instead of "performed".'),
    ]
    # a verb with no passive is never read as one
    assert found("Over 35,000 men, age 50 and older, participated in the trial.") == []
    assert found("Women who participated in the trial did well.") == \
        [("participated", 1, 11, 'Use "took part" instead of "participated".')]
    # what someone did keeps the past
    assert found("The doctors administered the drug. They performed the surgery.") == [
        ("administered", 1, 13, 'Use "gave" instead of "administered".'),
        ("performed", 1, 41, 'Use "did" instead of "performed".'),
    ]


def test_a_possessive_keeps_its_number():
    assert found("It raises an individual's risk. It depends on the individual’s age.") == [
        ("an individual's", 1, 11, 'Use "a person\'s" instead of "an individual\'s".'),
        ("individual’s", 1, 51, 'Use "person’s" instead of "individual’s".'),
    ]


def test_a_word_used_as_another_part_of_speech_is_left_alone():
    for text in ("It fits the preferences of individual women.",
                 "You may get individual or group counseling.",
                 "It is offered in both individual and small-group settings.",
                 "The decision to be screened should be an individual one.",
                 "The doctor looks at a computer monitor to check for abnormal areas.",
                 "A list is given upon request.",
                 "Other event monitors start on their own.",
                 "The data and safety monitoring committee met.",
                 "Assisted living costs less than a nursing home.",
                 "These modified T cells are grown in the lab.",
                 "It helps patients make informed decisions."):
        assert found(text) == [], text
    assert found("Your doctor will monitor your blood pressure.") == \
        [("monitor", 1, 18, 'Use "check" instead of "monitor".')]
    assert found("Ask an individual who knows.") == \
        [("an individual", 1, 5, 'Use "a person" instead of "an individual".')]


def test_a_sentence_the_swap_would_break_gets_nothing():
    for text in ("It is meant to inform and help patients and caregivers.",
                 "Some worry that they will not be able to perform.",
                 "In addition, the center also provides counseling.",
                 "The patient is watched for an additional 2 to 4 hours.",
                 "The number of drinks consumed per day was counted.",
                 "They are, therefore, more likely to bleed.",
                 "Kidney (renal) abnormalities are common.",
                 "Side effects include fatigue (feeling tired).",
                 "Common symptoms include nausea and vomiting.",
                 "It adds to the additional symptoms of the disease.",
                 "Blisters become more numerous with age.",
                 "Surgery may be indicated if the tumor grows."):
        assert found(text) == [], text
    assert found("In addition, the center provides counseling. Your signs may include nausea."
                 ) == [
        ("In addition", 1, 1, 'Use "Also" instead of "In addition".'),
        ("nausea", 1, 69, 'Use "feeling sick to your stomach" instead of "nausea".'),
    ]
    assert found("You can read more below.\n\nAffected children may have nausea.\n") == []
    assert found("Children may have:\n\n- nausea\n") == []
    # a phrase in -ing, no noun: not after "have", "feel" or an adjective, nor as a list item
    # after "You may have:"
    for text in ("You may have:\n\n- nausea\n", "You may feel nausea.",
                 "You may have severe nausea.", "You may also have cramps, bloating, nausea "
                 "and an urgent need to go.",
                 # "pulmonary rehab" is a treatment's name
                 "Your treatments include pulmonary rehab and oxygen."):
        assert found(text) == [], text
    # a list hangs on its nearest verb: after "include" it reads, whatever came before
    assert found("If you have signs, they may include fever, chills, nausea and pain.") == \
        [("nausea", 1, 52, 'Use "feeling sick to your stomach" instead of "nausea".')]
    # "require them to" makes them do it; "need them to" says something else
    assert found("Your problems may require them to wear a pad.") == []
    assert found("Your problems may require surgery.") == \
        [("require", 1, 19, 'Use "need" instead of "require".')]
    assert found("He should inform his doctor. Therefore, rest.") == [
        ("inform", 1, 11, 'Use "tell" instead of "inform".'),
        ("Therefore", 1, 30, 'Use "So" instead of "Therefore".'),
    ]


def test_swaps_an_editor_would_not_make_on_cancer_and_nih_pages():
    # read on the corpora: each of these reads wrong with the substitute in place
    for text in ("The trial ran with a few participating hospitals in the United States.",
                 "The radiologists at each of the 15 participating sites led the study.",
                 "Based on the one additional year of data, the results held.",
                 "What additional questions will be answered by the study?",
                 "Treatments are based on an individuals particular symptoms.",
                 "Individual (one-to-one) and group counseling have been shown to help.",
                 "This can be hard for a number of reasons, such as cost.",
                 "It can cause a variety of additional signs and symptoms.",
                 "The enzyme is unable to perform its normal function."):
        assert found(text) == [], text
    # a number that ends a phrase does not make the participle after it an adjective
    assert [m for _, _, _, m in found("Patients aged 65 utilizing insulin need checks.")] == [
        'Use "using" instead of "utilizing".']
    # where they read right, the swaps stay
    assert [m for _, _, _, m in found(
        "Ask about participating in a clinical trial. Additional research is needed. An "
        "individual with it may need help. A number of electrodes are placed.")] == [
        'Use "taking part" instead of "participating".', 'Use "More" instead of "Additional".',
        'Use "A person" instead of "An individual".', 'Use "Some" instead of "A number of".']


def test_your_in_a_substitute_fits_only_where_the_page_speaks_to_the_reader_of_them():
    # "feeling sick to your stomach": not where "you" stands only in a stock sentence many
    # pages add, nor in a list about someone in the reader's care
    stock = ("Inflammation of the inner ear may also cause nausea. You can use the MedlinePlus "
             "Medical Dictionary to look up the definitions for these medical terms.")
    assert found(stock) == []
    assert found("Check with your child's doctor if your child has any of the following:\n\n"
                 "- Nausea and vomiting.\n- Pain.\n") == []
    assert found("Check with your doctor if you have any of the following:\n\n"
                 "- Nausea and vomiting.\n- Pain.\n") == \
        [("Nausea", 3, 3, 'Use "Feeling sick to your stomach" instead of "Nausea".')]
    # "require you to" reads as well with "need you to"
    assert found("If your job requires you to lift, ask your doctor.") == \
        [("requires", 1, 13, 'Use "needs" instead of "requires".')]


def test_a_word_the_page_teaches_is_left_alone_further_down():
    # explained where it is first used, in brackets or after a dash, even where that use
    # takes no swap ("can be benign (...) or malignant")
    assert found("Heart tumors can be benign (not cancerous) or malignant. Most heart tumors "
                 "in children are benign.") == []
    assert found("- Primary care physicians -- doctors who see patients first. Primary care "
                 "physicians also handle other problems.") == []
    assert [m for _, _, _, m in found("Most heart tumors in children are benign.")] == \
        ['Use "not cancer" instead of "benign".']


def test_names_and_fixed_terms_are_left_alone():
    for text in ("Renal tubular dysgenesis is rare.",
                 "She had a total abdominal hysterectomy.",
                 "Stones can form in the renal sinus.",
                 "Give abdominal thrusts (the Heimlich maneuver).",
                 "Most people reach end-stage renal disease (ESRD) by age 40.",
                 "The signs of oral-facial-digital syndrome vary.",
                 "Signs (when available) Sudden cardiac death 90% Syncope 50% Abdominal pain 7.5%",
                 "- Renal agenesis - Renal hypoplasia - Edema - Scoliosis -",
                 "The blood flows through the pulmonary and aortic valves.",
                 "She has a family member who has attempted suicide."):
        assert found(text) == [], text
    assert found("Medications\n\nSome medications help.\n") == \
        [("medications", 3, 6, 'Use "medicines" instead of "medications".')]
    assert found("Some have abdominal pain and renal disease.") == [
        ("abdominal", 1, 11, 'Use "belly" instead of "abdominal".'),
        ("renal", 1, 30, 'Use "kidney" instead of "renal".'),
    ]


def test_words_the_editors_chose_are_left_alone():
    text = """\
        ---
        title: Cancer Fatigue
        ---
        Cancer fatigue is common. See [nausea](/nausea) and [skin sores](/def/46324).

        Nausea can last for days. “We therefore stopped,” she said. Skin lesions heal.
        Rest helps with fatigue, and you may take medications.
        """
    assert found(text) == [("medications", 7, 43, 'Use "medicines" instead of "medications".')]


def test_a_glossary_entry_linked_on_the_page_leaves_its_word_alone():
    text = "The [sores](/Common/PopUps/popDefinition.aspx?id=46324) can itch. Lesions heal.\n"
    assert found(text.replace("Lesions", "Edema")) == \
        [("Edema", 1, 67, 'Use "Swelling" instead of "Edema".')]
    linked = "See [edema](/publications/dictionaries/cancer-terms/def/45676). Edema can last.\n"
    assert found(linked) == []
    assert found("See [swelling](/Common/PopUps/popDefinition.aspx?id=45676). Edema can last.\n") \
        == []


def test_each_thing_a_link_names_with_and_or_or_is_a_word_the_page_links():
    """A page that links "[nausea and/or vomiting](...)" as a topic keeps the word "nausea"
    where it names that topic ("**Nausea and vomiting:** Try ..."); a link that names one
    thing of several words ("[renal cell carcinoma]") leaves its words to be weighed."""
    topic = ("---\ntitle: Flu Symptoms and Cancer Treatment\nurl: https://www.cancer.gov/about-"
             "cancer/treatment/side-effects/flu-symptoms\n---\n\n"
             "Symptoms may include:\n\n- fever\n- [nausea and/or vomiting](/node/902108)\n\n"
             "Ways to feel better:\n\n- **Chills:** Ask what steps you should take if you have "
             "chills.\n- **Fever:** Your body loses fluids when you have a fever, so drink "
             "water.\n- **Nausea and vomiting:** Try to take small sips of "
             "water, fruit juices, ginger ale, tea, and/or sports drinks, if recommended, "
             "throughout the day.\n")
    assert found(topic) == []
    assert [s for s, *_ in found(topic.replace("and/or vomiting", "care"))] == ["Nausea"]
    one_thing = "See [renal cell carcinoma](/x). It can lead to renal impairment.\n"
    assert [s for s, *_ in found(one_thing)] == ["renal"]
    # another page's title names that page, not the things it lists: "benign" is not linked
    title = ("Most lumps are benign. See [Benign and Precancerous Breast Lumps and Conditions]"
             "(/types/breast/benign).\n")
    assert [s for s, *_ in found(title)] == ["benign"]
    assert found(title.replace("Precancerous Breast Lumps and Conditions",
                               "precancerous breast lumps")) == []
    # names in capitals are no title: "[BRCA1 and BRCA2]" names two genes
    from readlint.checks.plain_words import _a_title

    assert _a_title("Benign and Precancerous Breast Lumps") and \
        not _a_title("BRCA1 and BRCA2") and not _a_title("NAUSEA AND VOMITING")


def test_pairs_that_change_the_meaning_are_gone():
    for text in ("Doctors found liver lesions.", "Serious adverse events were rare.",
                 "She joined a smoking cessation program."):
        assert found(text) == [], text


def test_a_word_list_field_of_the_wrong_kind_is_named(tmp_path):
    from readlint.errors import ConfigError

    words = tmp_path / "words.yaml"
    for line, message in (
            ("{complex: utilize, plain: use, not_before: to}",
             "words.0.not_before needs a list of words"),
            ("{complex: utilize, plain: use, kind: verb}",
             "words.0.kind is one of noun, adjective, adverb"),
            ("{complex: utilize, plain: use, verbs: true}",
             "words.0: 'verbs' is not a field of a pair; the fields are complex, plain, verb, "
             "before_noun, kind, needs_object, passive, clause_start, needs_noun, not_before, "
             "not_after, only_after, only_before, not_with, not_before_gerund, intransitive, "
             "predicative, medical, shorthand")):
        words.write_text(f"words:\n  - {line}\n", encoding="utf-8")
        config = Config(raw_rules={"plain-words": {"word_lists": [str(words)]}})
        with pytest.raises(ConfigError) as info:
            found("Utilize it.", config)
        assert str(info.value) == f"{words}: {message}"


def test_initial_only_after_a_determiner_and_quotes_of_mixed_marks():
    # Real sentences from cancer.gov pages: "Initial imaging may include" would read as
    # "First, imaging ..."; "the initial, or first-line, treatment" already says "first"
    # ("the initial treatment" is left alone: editors link it as a name of "primary
    # treatment"); a
    # quotation opened with a straight mark after one closed with a curly one is still quoted.
    found = [(p.line, p.column) for p in lint(
        "Initial imaging may include mammography. The initial step worked. After the "
        "initial, or first-line, treatment it failed.\n\n"
        "“It is rare,” said Dr. Madan. \"In addition, the toxicity data suggest it is safe.\n",
        select="plain-words")]
    assert found == [(1, 46)]


def test_not_in_the_line_that_stands_as_an_empty_headings_text():
    text = ("Many people do well.\n\n##\n\nWho is eligible to participate?\n\nYou may "
            "participate if you are 18.\n")
    assert [(line, message) for _, line, _, message in found(text)] == \
        [(7, 'Use "take part" instead of "participate".')]


def test_a_word_of_an_address_is_left_alone():
    # a link card broken by blank lines leaves its address in the text
    text = ("Find trials that may be right for you.](/research/participate/trials-search)\n\n"
            "You may participate in a trial.\n")
    assert [(p.line, p.subject) for p in lint(text, select="plain-words")] == \
        [(3, "participate")]
    # words joined by slashes are no address
    assert [p.subject for p in lint("You can participate/volunteer in a study.\n",
                                    select="plain-words")] == ["participate"]


def test_what_a_law_or_a_rule_makes_people_do_is_not_what_they_need():
    for text in ("Federal law requires most insurance plans to cover routine costs.",
                 "Some states require employers to offer these policies.",
                 "Many employers are required by law to change your work schedule."):
        assert found(text) == [], text
    for text in ("Some patients require surgery.",
                 "Most patients in the United States require dialysis."):
        assert [subject for subject, *_ in found(text)] == ["require"], text
    assert [subject for subject, *_ in found("He attempted to walk.")] == ["attempted"]



def test_require_before_a_verb_in_ing_and_its_object_is_left_alone():
    # "need stopping it" is broken; "needs cleaning" (no object) reads right
    assert lint("Later pregnancy attempts require stopping it and then waiting.\n",
                select="plain-words") == []
    (problem,) = lint("The wound requires cleaning every day.\n", select="plain-words")
    assert problem.message == 'Use "needs" instead of "requires".'
    for text in ("You may require having surgery.\n", "It may require taking 2 pills.\n",
                 "Nurses require wearing gloves.\n"):
        assert lint(text, select="plain-words") == [], text


def test_words_the_editors_explain_in_place_get_their_plain_words():
    # cancer.gov's own explanations, "recurred (come back)" and "benign (not cancer)", as
    # swaps that keep the sentence whole
    assert [(subject, message) for subject, _, _, message in found(
        "The cancer may recur after treatment. It recurred in the liver. Cancer that recurs "
        "is harder to treat. The doctor checks the risk of it recurring.")] == [
        ("recur", 'Use "come back" instead of "recur".'),
        ("recurred", 'Use "came back" instead of "recurred".'),
        ("recurs", 'Use "comes back" instead of "recurs".'),
        ("recurring", 'Use "coming back" instead of "recurring".')]
    assert [(subject, message) for subject, _, _, message in found(
        "Most polyps are benign. They are benign and do not spread.")] == [
        ("benign", 'Use "not cancer" instead of "benign".')] * 2


def test_an_intransitive_verb_in_ing_without_what_does_it_before_it_is_an_adjective():
    # "coming back infections", "your coming back, painful headaches" are broken; "recurring"
    # is "coming back" only after what comes back, or after it and "from"
    for text in ("Recurring infections are common.", "She has a recurring rash.",
                 "Other recurring chromosomal changes are less common.",
                 "Tell your doctor about your recurring, painful headaches.",
                 "Many people suffer from recurring or chronic pain."):
        assert found(text) == [], text
    for text in ("Surgery can keep hernias from recurring.",
                 "The risk of the cancer recurring is low."):
        assert [m for _, _, _, m in found(text)] == [
            'Use "coming back" instead of "recurring".'], text


def test_an_intransitive_verb_is_never_passive():
    # "The cancer come back in the liver" would be broken: a verb with no object has no
    # passive, so its -ed form is the past ("came back"), or after "has" "come back"
    assert [m for _, _, _, m in found(
        "The cancer recurred in the liver. Patients whose disease recurred within 2 years "
        "did worse. The cancer has recurred.")] == [
        'Use "came back" instead of "recurred".', 'Use "came back" instead of "recurred".',
        'Use "come back" instead of "recurred".']


def test_benign_only_where_it_ends_what_is_said():
    for text in ("A benign tumor is not cancer.", "The growth may be benign or malignant.",
                 "Treatment depends on whether the tumor is benign or malignant.",
                 "Most nodules are benign, well circumscribed, and encapsulated nodules.",
                 "Tumors that are benign (not cancer) do not spread.",
                 "Most lipomas are benign (harmless) tumors.",
                 "Whether a tumor is benign, or malignant, decides the treatment.",
                 "The condition is benign and localized.",
                 "Most cysts are benign and slow-growing.",
                 "The tumor is not benign.", "These growths are rarely benign.",
                 "Tumors are usually benign or malignant.",
                 "It forms noncancerous (benign) tumors. This tumor is usually benign."):
        assert found(text) == [], text
    for text in ("A precancerous (benign) lump grew. Most lumps are usually benign.",
                 "They are benign and do not spread.", "Most lumps are benign when found early.",
                 "The disease is benign; however, it "
                 "can grow.", "Almost all are benign, but a few can spread.",
                 "Parathyroid tumors are usually benign and are called adenomas.",
                 "Such cysts are often benign."):
        assert [m for _, _, _, m in found(text)] == [
            'Use "not cancer" instead of "benign".'], text


def test_a_term_glossing_the_plain_words_before_it_and_a_lost_links_text_are_left_alone():
    # GARD: "returns (recurs)" gives the term for the plain word: "returns (comes back)"
    # would say it twice; a card's blurb whose link markup was lost is a link's text
    assert found("Surgery may be needed if the condition returns (recurs) after surgery.") == []
    # a label in brackets after a word no plainer than it is no gloss
    assert [m for _, _, _, m in found("Take 2 tablets (oral) each morning.")] == [
        'Use "by mouth" instead of "oral".']
    card = ("- [Lumpectomy\n\nLearn about lumpectomy, additional treatments you may need, "
            "and risks.](/types/breast/treatment/surgery/lumpectomy)\n")
    assert found(card) == []
    assert [s for s, *_ in found(card.replace("](/types/breast/treatment/surgery/lumpectomy)",
                                              ""))] == ["additional"]


def test_recur_and_benign_where_the_plain_words_would_change_the_sense_or_the_grammar():
    # a disorder that happens again in a family does not "come back"; "recurring" after
    # "are" says the symptoms come and go; "not cancer" cannot stand before a noun; a word
    # the writer explains in brackets right after it is explained
    for text in ("Sporadic abnormalities are not likely to recur in a family.",
                 "In Mollaret meningitis, the symptoms are recurring.",
                 "Childhood craniopharyngiomas are benign brain tumors.",
                 "Most renal oncocytomas are benign (non-cancerous) and rare.",
                 "Enchondromas are benign (noncancerous) tumors."):
        assert found(text) == [], text
    assert [m for _, _, _, m in found("The risk of the cancer recurring is low.")] == [
        'Use "coming back" instead of "recurring".']


def test_recurring_as_an_adjective_and_plain_words_the_sentence_gives_next():
    # "recurring" is "coming back" only with what comes back before it; "benign" is not "not
    # cancer" where the sentence says "non-cancerous" right after; a little word before the
    # brackets makes them no gloss ("and (frequently) death")
    for text in ("Most cases of chronic, or recurring, pericarditis are autoimmune.",
                 "It is characterized by recurring but reversible periods of sleep.",
                 "Polyps are benign, or non-cancerous, growths.",
                 "Most pituitary tumors are benign, which means they are non-cancerous."):
        assert found(text) == [], text
    assert [m for _, _, _, m in found("It leads to disability and (frequently) death.")] == [
        'Use "often" instead of "frequently".']


def test_recurred_after_have_and_another_verb_and_benign_before_a_clause():
    # "should have persisted or come back"; "benign, but there is", "benign and rarely ..."
    assert [m for _, _, _, m in found(
        "These symptoms should have persisted or recurred during 6 months.")] == [
        'Use "come back" instead of "recurred".']
    for text in ("Most juvenile polyps are benign, but there is a chance.",
                 "Pancreatic cysts are benign and rarely grow.",
                 "Biopsies were benign in 105 men."):
        assert [m for _, _, _, m in found(text)] == [
            'Use "not cancer" instead of "benign".'], text
    assert found("Most tumors are benign and borderline.") == []


def test_recur_in_the_form_its_clause_needs_and_never_as_an_adjective():
    # the reviewer's sentences: "has" further back in the clause or opening a question asks
    # for "come back"; "recurred" and "recurring" before a noun are adjectives
    assert [m for _, _, _, m in found(
        "Has the cancer recurred? The cancer has since recurred. Cancer that has spread to "
        "other parts of the body or recurred is treated. Patients who have cancer that "
        "recurred did worse.")] == [
        'Use "come back" instead of "recurred".'] * 3 + ['Use "came back" instead of "recurred".']
    for text in ("Recurred cancer is hard to treat.",
                 "Many people find relief from recurring headaches.",
                 "HIV can give you recurring infections."):
        assert found(text) == [], text


def test_a_term_the_page_explains_is_not_swapped_where_it_comes_again():
    # the writer teaches "hypertension" on purpose, so readers know it on their next visit
    text = ("Some people have hypertension, which is high blood pressure. Hypertension can "
            "damage the kidneys.\n\nLater on, hypertension is treated with medicine.\n")
    assert lint(text, select="plain-words") == []
    # a page that never explains it still gets the plainer words
    assert [p.message for p in lint("Hypertension can damage the kidneys.\n",
                                    select="plain-words")] == \
        ['Use "High blood pressure" instead of "Hypertension".']


def test_health_professionals_keep_their_medical_terms_but_not_wordy_ones():
    text = "Prior to surgery, rule out myocardial infarction and hypertension.\n"
    patient = [p.message for p in lint(text, select="plain-words", audience="patient")]
    professional = [p.message for p in lint(text, select="plain-words",
                                            audience="professional")]
    assert 'Use "heart attack" instead of "myocardial infarction".' in patient
    assert professional == ['Use "Before" instead of "Prior to".']


def test_a_closing_quote_after_a_plural_is_not_its_possessive():
    said = [p.message for p in lint("Her advice was 'talk with other individuals' and it "
                                    "helped. ‘We help individuals’ and more. Individuals' "
                                    "rights matter.\n", select="plain-words")]
    assert said == ['Use "people" instead of "individuals".',
                    'Use "people" instead of "individuals".',
                    'Use "People\'s" instead of "Individuals\'".']


def test_an_outside_resources_title_is_its_publishers():
    text = ("- Genetic Testing Registry: Surfactant metabolism dysfunction, pulmonary, 1\n"
            "- Take pulmonary medicine daily.\n")
    assert [(p.line, p.message) for p in lint(text, select="plain-words")] == \
        [(2, 'Use "lung" instead of "pulmonary".')]


def test_a_resource_the_writer_describes_is_the_writers_text():
    text = ("- The Samfund: Offers financial assistance, education, and online support for "
            "young adults who have cancer\n")
    assert [p.message for p in lint(text, select="plain-words")] == \
        ['Use "help" instead of "assistance".']


def test_dosing_shorthand_gets_its_plain_words_where_the_letters_are_no_word():
    assert found("Take one pill BID. Take it tid with food, and one qhs.") == [
        ("BID", 1, 15, 'Use "twice a day" instead of "BID".'),
        ("tid", 1, 28, 'Use "three times a day" instead of "tid".'),
        ("qhs", 1, 51, 'Use "at bedtime" instead of "qhs".')]
    assert found("The company made a bid to buy it.") == []  # "bid" the word
    assert lint("Give 5 mg tid.\n", select="plain-words", audience="professional") == []


def test_dosing_shorthand_in_a_run_of_it_and_in_two_small_letters():
    # a run of shorthand is not a name ("PO BID" as two capitalised words), and "qd" is found
    # though two small letters are too short for a glossary's names
    assert [f[0] for f in found("Take 10 mg PO BID with food. Take it qd after a meal.")] == \
        ["PO", "BID", "qd"]  # "Take 10 mg by mouth twice a day with food"
    assert found("Take one tablet PO after a meal.") == [
        ("PO", 1, 17, 'Use "by mouth" instead of "PO".')]
    assert found("Write to PO Box 12. The PO form works.") == []  # a box, and before a noun
    assert [f[0] for f in found("Take 1 tab PO TID. A qd dose is fine.")] == ["PO", "TID"]
    # in a name, though next to capitals: an agency's initials are no shorthand
    assert found("The Duke BID program helps. Your NIH BID program helps. "
                 "Call the VA PO line. The hospital's PO number is 42.") == []
    assert found("Give 150 mg/PO daily, or give it PO/IV.") == []  # joined by a slash


def test_dosing_shorthand_a_key_explains_is_left_alone_on_its_page():
    assert found("IV = intravenous; PO = oral.") == [
        ("oral", 1, 24, 'Use "by mouth" instead of "oral".')]  # not "PO", which the key explains
    assert found("PO = by mouth; qd = every day. Take 10 mg PO qd after a meal.") == []
    assert [f[0] for f in found("Take 10 mg PO qd after a meal.")] == ["PO", "qd"]


def test_a_substitute_for_shorthand_starts_with_a_capital_only_where_a_sentence_starts():
    assert [m for *_, m in found("BID with food. Take one pill BID.\n\n- BID or as told\n")] == [
        'Use "Twice a day" instead of "BID".', 'Use "twice a day" instead of "BID".',
        'Use "Twice a day" instead of "BID".']  # (a list item starts a sentence)
    # a paragraph's line that starts with it goes on the sentence above
    assert [m for *_, m in found("Take one pill\nBID with food.\n")] == [
        'Use "twice a day" instead of "BID".']
