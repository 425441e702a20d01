"""Loading content: the real resources, a tiny valid module, and one damage at a time.

A clinic educator edits these files by hand and relies on `path:line: message` to find each
mistake, so every damage test checks the exact file and the line counted in the text the
test wrote. A broken module must be hidden without hiding the others.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.core.content.model import KEY_POINTS, Library, QuestionKind
from tests.content_fixtures import (
    EN_MD,
    MODULE_TOML,
    PLACEHOLDERS,
    RESOURCES,
    line_of,
    replace_once,
    write_module,
)

MODULE = "01-why-pain-lasts"


def _load(tmp_path: Path, **module: Any) -> tuple[Library, Path]:
    folder = write_module(tmp_path, **module)
    return load_library(tmp_path, PLACEHOLDERS), folder


def _problem_at(library: Library, path: Path, line: int, words: str) -> str:
    """The one problem reported at path:line whose message contains `words`, as printed."""
    found = [p for p in library.problems if p.path == path and p.line == line
             and words in p.message]
    assert found, "expected a problem at {}:{} about {!r}; got:\n{}".format(
        path, line, words, "\n".join(map(str, library.problems)))
    problem = found[0]
    assert str(problem) == f"{path}:{line}: {problem.message}"
    return str(problem)


# the real resources ------------------------------------------------------------------

@pytest.fixture(scope="module")
def real() -> Library:
    settings = load_settings(RESOURCES, None)
    assert settings.problems == []
    return load_library(RESOURCES, settings.values, deep=True)


def test_real_resources_load_without_problems(real: Library) -> None:
    assert [str(p) for p in real.problems] == []
    assert real.broken == {}
    folders = sorted(p.name for p in (RESOURCES / "modules").iterdir() if p.is_dir())
    assert len(folders) == 4
    # One module per folder, in the folder-number order, id = folder name without number.
    assert [m.id for m in real.for_language("en")] == [f.split("-", 1)[1] for f in folders]


def test_every_real_module_ends_with_key_points(real: Library) -> None:
    for module in real.for_language("en"):
        assert module.screens[-1].id == KEY_POINTS, module.id
        assert module.screens[-1].is_key_points


def test_every_real_question_reviews_an_existing_screen(real: Library) -> None:
    for module in real.for_language("en"):
        screen_ids = {s.id for s in module.screens}
        for q in module.questions:
            assert q.reviews in screen_ids, f"{module.id}/{q.id}"
            assert q.correct_ids, f"{module.id}/{q.id} has no right answer"


def test_every_real_illustration_exists_and_has_alt_text(real: Library) -> None:
    pictures = 0
    for module in real.for_language("en"):
        assert module.cover is not None and module.cover.path.is_file(), module.id
        for screen in module.screens:
            if screen.image is not None:
                pictures += 1
                assert screen.image.path.is_file(), f"{module.id}/{screen.id}"
                assert screen.image.alt.strip(), f"{module.id}/{screen.id} has no alt text"
    assert pictures > 0


def test_real_clinician_notes_never_reach_patient_text(real: Library) -> None:
    for module in real.for_language("en"):
        assert any(s.clinician_notes for s in module.screens), module.id
        for screen in module.screens:
            assert ":::" not in screen.markdown
            assert "Teach-back" not in screen.markdown, f"{module.id}/{screen.id}"


# a tiny valid module -----------------------------------------------------------------

def test_tiny_module_loads_as_written(tmp_path: Path) -> None:
    library, folder = _load(tmp_path)
    assert library.problems == []
    assert library.languages == ("en",)
    [module] = library.for_language("en")
    assert (module.id, module.title, module.minutes) == ("why-pain-lasts", "Why pain can last", 5)
    assert module.summary == "A short module about the pain alarm."
    assert [s.id for s in module.screens] == ["what-is-pain", "can-change", "key-points"]
    assert [s.title for s in module.screens] == ["What is pain?", "Pain can change", "Key points"]
    assert [o.id for o in module.objectives] == ["alarm", "change"]
    assert [q.id for q in module.questions] == ["pain-job", "can-it-change", "helpful-steps",
                                                "pain-meaning", "brain-learns"]
    assert [q.id for q in module.questions if q.reserve] == ["pain-meaning", "brain-learns"]
    assert module.cover is not None and module.cover.path == folder / "images" / "cover.svg"


def test_clinician_notes_are_kept_apart_from_patient_text(tmp_path: Path) -> None:
    library, _ = _load(tmp_path)
    screen = library.for_language("en")[0].screen("what-is-pain")
    assert screen.clinician_notes == "Teach-back: ask what job pain does."
    assert "Teach-back" not in screen.markdown
    assert ":::" not in screen.markdown
    assert "Pain is an alarm." in screen.markdown


def test_which_choices_are_right_comes_from_module_toml(tmp_path: Path) -> None:
    library, _ = _load(tmp_path)
    questions = {q.id: q for q in library.for_language("en")[0].questions}
    assert questions["pain-job"].kind is QuestionKind.SINGLE
    assert questions["pain-job"].correct_ids == {"protect"}
    assert questions["can-it-change"].kind is QuestionKind.TRUE_FALSE
    assert questions["can-it-change"].correct_ids == {"true"}
    assert questions["helpful-steps"].correct_ids == {"learn", "tell-team"}
    assert questions["pain-job"].choice("measure").explanation == "No. Pain is not a damage meter."


def test_swapping_correct_in_module_toml_swaps_the_right_answer(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, 'correct = ["protect"]', 'correct = ["measure"]')
    library, _ = _load(tmp_path, toml=toml)
    question = library.for_language("en")[0].questions[0]
    assert question.correct_ids == {"measure"}
    assert not question.choice("protect").correct


def test_placeholders_are_filled_from_clinic_values(tmp_path: Path) -> None:
    library, _ = _load(tmp_path)
    screen = library.for_language("en")[0].screen("what-is-pain")
    assert "Call 555-0100 with questions." in screen.markdown
    assert screen.image is not None
    assert screen.image.alt == "A bell rings at Test Clinic, showing that pain is an alarm."
    assert "{{" not in screen.markdown + screen.image.alt


# one damage at a time: path:line: message ----------------------------------------------

def test_broken_toml_syntax_is_reported_at_its_line(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, 'kind = "true-false"', 'kind = true-false"')
    library, folder = _load(tmp_path, toml=toml)
    _problem_at(library, folder / "module.toml", line_of(toml, 'kind = true-false"'),
                "not valid TOML")


def test_missing_illustration_file_is_reported(tmp_path: Path) -> None:
    library, folder = _load(tmp_path, images=("cover.svg",))
    _problem_at(library, folder / "en.md", line_of(EN_MD, "images/alarm.svg"),
                "'images/alarm.svg' does not exist")


def test_illustration_without_alt_text_is_reported(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "![A bell rings at {{clinic_name}}, showing that pain is an alarm.]",
                      "![]")
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(en, "![](images/alarm.svg)"), "no alt text")


def test_unknown_placeholder_is_reported(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "Your nervous system can change.",
                      "Your nervous system can change. Ask {{nope}}.")
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(en, "{{nope}}"), "unknown placeholder {{nope}}")


def test_reviews_of_a_missing_screen_points_at_reviews_line(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, 'reviews = "what-is-pain"', 'reviews = "what-is-pian"')
    library, folder = _load(tmp_path, toml=toml)
    _problem_at(library, folder / "module.toml", line_of(toml, "what-is-pian"), "'what-is-pian'")


def test_screen_listed_in_toml_but_not_written_is_reported(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, '"can-change", "key-points"]',
                        '"can-change", "breathing", "key-points"]')
    library, folder = _load(tmp_path, toml=toml)
    # Reported against the language file that lacks it, at its title line.
    _problem_at(library, folder / "en.md", line_of(EN_MD, "# Why pain can last"),
                "screen 'breathing' of module.toml is not written here")


def test_choice_without_explanation_is_reported(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "  No. Pain is not a damage meter.\n", "")
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(en, "{#measure}"),
                "choice 'measure' has no explanation")


def test_unclosed_clinician_block_is_reported_where_it_opens(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "Teach-back: ask what job pain does.\n:::\n",
                      "Teach-back: ask what job pain does.\n")
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(en, "::: clinician"), "never closed")


def test_invalid_utf8_is_reported_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    text = replace_once(EN_MD, "Your nervous system", "Your nervous@ system")
    en = text.encode("utf-8").replace(b"@", b"\xe9")  # Latin-1 'é', not UTF-8
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(text, "nervous@"), "not valid UTF-8")


def test_single_question_with_two_right_answers_is_reported(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, 'correct = ["protect"]', 'correct = ["protect", "measure"]')
    library, folder = _load(tmp_path, toml=toml)
    _problem_at(library, folder / "module.toml", line_of(toml, 'correct = ["protect", "measure"]'),
                "exactly one right choice")


def test_objective_no_question_checks_is_reported(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, '["alarm", "change"]', '["alarm", "change", "hope"]')
    en = replace_once(EN_MD, "- {#change} The nervous system can change.\n",
                      "- {#change} The nervous system can change.\n- {#hope} There is hope.\n")
    library, folder = _load(tmp_path, toml=toml, en=en)
    _problem_at(library, folder / "module.toml", line_of(toml, "objectives ="),
                "no question checks objective 'hope'")


def test_last_screen_other_than_key_points_is_reported(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, '["what-is-pain", "can-change", "key-points"]',
                        '["what-is-pain", "key-points", "can-change"]')
    library, folder = _load(tmp_path, toml=toml)
    _problem_at(library, folder / "module.toml", line_of(toml, "screens ="), "'key-points'")


# bugs: wrong or missing line numbers ---------------------------------------------------

def test_invalid_utf8_after_a_bom_is_reported_at_the_right_line(tmp_path: Path) -> None:
    text = replace_once(EN_MD, "Your nervous system", "@Your nervous system")
    en = b"\xef\xbb\xbf" + text.encode("utf-8").replace(b"@", b"\xbf")  # cp1252 for '¿'
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(text, "@Your"), "not valid UTF-8")


def test_line_separator_pasted_into_text_does_not_shift_line_numbers(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "Pain is an alarm. Call", "Pain is an alarm.\u2028Call")
    en = replace_once(en, "Your nervous system can change.", "Ask {{nope}}.")
    library, folder = _load(tmp_path, en=en)
    line = en.count("\n", 0, en.index("{{nope}}")) + 1  # what a text editor shows
    _problem_at(library, folder / "en.md", line, "unknown placeholder {{nope}}")


def test_question_id_that_is_not_text_is_reported_at_its_line(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, 'id = "pain-job"', 'id = ["pain-job"]')
    library, folder = _load(tmp_path, toml=toml)
    assert not [p for p in library.problems if "could not be read" in p.message]
    assert any(p.path == folder / "module.toml" and p.line == line_of(toml, 'id = ["pain-job"]')
               for p in library.problems)


# one broken module never hides the others ----------------------------------------------

def test_broken_module_is_listed_and_the_others_still_load(tmp_path: Path) -> None:
    write_module(tmp_path, "01-why-pain-lasts")
    broken_en = replace_once(EN_MD, "Your nervous system can change.", "Ask {{nope}}.")
    broken = write_module(tmp_path, "02-mind-and-body", en=broken_en)
    write_module(tmp_path, "03-ketamine")
    library = load_library(tmp_path, PLACEHOLDERS)
    assert [m.id for m in library.for_language("en")] == ["why-pain-lasts", "ketamine"]
    assert list(library.broken) == ["mind-and-body"]
    assert library.broken["mind-and-body"].startswith(
        f"{broken / 'en.md'}:{line_of(broken_en, '{{nope}}')}: ")


def test_translation_of_one_module_does_not_hide_the_others_in_english(tmp_path: Path) -> None:
    translated = write_module(tmp_path, "01-why-pain-lasts")
    (translated / "es.md").write_text(EN_MD, encoding="utf-8")  # ids match; words don't matter
    write_module(tmp_path, "02-mind-and-body")
    library = load_library(tmp_path, PLACEHOLDERS)
    assert [m.id for m in library.for_language("en")] == ["why-pain-lasts", "mind-and-body"]


def test_missing_modules_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_library(tmp_path, PLACEHOLDERS)
    assert library.for_language("en") == []
    assert [p.path for p in library.problems] == [tmp_path / "modules"]


# garbage never crashes the loader ------------------------------------------------------

lines_of_text = st.lists(st.sampled_from(EN_MD.splitlines()) | st.text(max_size=40),
                         max_size=40).map("\n".join)


def _load_garbage(root: Path, **module: Any) -> Library:
    folder = root / "resources"
    write_module(folder, **module)
    return load_library(folder, PLACEHOLDERS, deep=True)


def _assert_reported(library: Library) -> None:
    assert isinstance(library, Library)
    assert all(p.line >= 1 for p in library.problems)
    # A module that did not load is always explained.
    assert library.for_language("en") or library.problems


garbage = settings(max_examples=50, deadline=None)


@garbage
@given(en=st.text(max_size=400) | lines_of_text)
def test_any_text_as_en_md_is_reported_not_raised(tmp_path_factory: pytest.TempPathFactory,
                                                   en: str) -> None:
    _assert_reported(_load_garbage(tmp_path_factory.mktemp("en"), en=en))


@garbage
@given(toml=st.binary(max_size=400))
def test_any_bytes_as_module_toml_are_reported_not_raised(
        tmp_path_factory: pytest.TempPathFactory, toml: bytes) -> None:
    library = _load_garbage(tmp_path_factory.mktemp("toml"), toml=toml)
    _assert_reported(library)
    try:
        tomllib.loads(toml.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        assert library.broken  # unreadable structure can never load


@garbage
@given(toml=st.lists(st.sampled_from(MODULE_TOML.splitlines()), max_size=30).map("\n".join))
def test_shuffled_module_toml_lines_are_reported_not_raised(
        tmp_path_factory: pytest.TempPathFactory, toml: str) -> None:
    _assert_reported(_load_garbage(tmp_path_factory.mktemp("lines"), toml=toml))


@garbage
@given(en=st.binary(max_size=400))
def test_any_bytes_as_en_md_are_reported_not_raised(tmp_path_factory: pytest.TempPathFactory,
                                                     en: bytes) -> None:
    _assert_reported(_load_garbage(tmp_path_factory.mktemp("bytes"), en=en))


svg_text = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">',
                              "</svg>", "<circle r='4'/>", "<script>x</script>", "<g>", "</g>",
                              "<!DOCTYPE svg [<!ENTITY a 'b'>]>", "&a;", "\x00", "<?xml?>",
                              "<image href='http://example.com/x.png'/>"]),
             max_size=12).map(lambda parts: "".join(parts).encode("utf-8")))


@garbage
@given(svg=svg_text)
def test_any_bytes_as_an_illustration_are_reported_not_raised(
        tmp_path_factory: pytest.TempPathFactory, svg: bytes) -> None:
    """A damaged picture is reported at its file, and never stops the app or the check."""
    folder = tmp_path_factory.mktemp("svg") / "resources"
    root = write_module(folder)
    (root / "images" / "alarm.svg").write_bytes(svg)
    library = load_library(folder, PLACEHOLDERS, deep=True)
    _assert_reported(library)
    for problem in library.problems:
        assert problem.path.exists() and problem.line >= 1


def test_two_folders_with_one_module_id_hide_the_second(tmp_path: Path) -> None:
    write_module(tmp_path, "01-why-pain-lasts")
    second = write_module(tmp_path, "05-why-pain-lasts")
    library = load_library(tmp_path, PLACEHOLDERS)
    # reported where the author renames it; the first keeps its results and its place
    _problem_at(library, second / "module.toml", 1,
                "module id 'why-pain-lasts' is already used by 01-why-pain-lasts")
    [module] = library.for_language("en")
    assert module.folder.name == "01-why-pain-lasts"
    assert list(library.broken) == ["05-why-pain-lasts"]  # shown to the clinician as broken


def test_a_reserve_only_objective_is_a_problem(tmp_path: Path) -> None:
    toml = replace_once(MODULE_TOML, 'id = "pain-job"\n', 'id = "pain-job"\nreserve = true\n')
    library, folder = _load(tmp_path, toml=toml)
    _problem_at(library, folder / "module.toml", line_of(toml, "objectives ="),
                "objective 'alarm' has only reserve questions")
    assert library.for_language("en") == []


def test_an_objective_without_a_reserve_question_is_a_problem(tmp_path: Path) -> None:
    """A missed idea must be asked again with a question the patient has not seen."""
    toml = replace_once(MODULE_TOML, 'correct = ["learns"]\nreserve = true\n',
                        'correct = ["learns"]\n')
    library, folder = _load(tmp_path, toml=toml)
    _problem_at(library, folder / "module.toml", line_of(toml, "objectives ="),
                "objective 'change' has no reserve question (reserve = true)")
    assert len(library.problems) == 1
    assert library.for_language("en") == []
    assert list(library.broken) == ["why-pain-lasts"]


def test_one_objective_asked_twice_in_the_same_words_is_a_problem(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "## Can the brain learn new habits? {#brain-learns}",
                      "## True or false:  the nervous system can CHANGE. {#brain-learns}")
    library, folder = _load(tmp_path, en=en)
    _problem_at(library, folder / "en.md", line_of(en, "{#brain-learns}"),
                "question 'brain-learns' has the same words as 'can-it-change' "
                "(objective 'change')")
    assert len(library.problems) == 1


def test_the_same_words_for_two_objectives_are_not_a_problem(tmp_path: Path) -> None:
    en = replace_once(EN_MD, "## Can the brain learn new habits? {#brain-learns}",
                      "## What is the main job of pain? {#brain-learns}")
    library, _ = _load(tmp_path, en=en)
    assert library.problems == []


def test_a_question_or_choice_written_twice_is_a_problem(tmp_path: Path) -> None:
    twice = (EN_MD + "\n## Again? {#pain-job}\n\n"
             "- {#protect} Yes.\n  Yes.\n- {#measure} No.\n  No.\n")
    twice = replace_once(twice, "- {#true} True\n", "- {#true} True\n  Right.\n- {#true} True\n")
    library, folder = _load(tmp_path, en=twice)
    lines = twice.splitlines()
    again = next(n for n, line in enumerate(lines, 1) if "{#pain-job}" in line and "Again" in line)
    _problem_at(library, folder / "en.md", again, "question 'pain-job' is written twice")
    choice = [n for n, line in enumerate(lines, 1) if line == "- {#true} True"][1]
    _problem_at(library, folder / "en.md", choice,
                "question 'can-it-change': choice 'true' is written twice")
    assert library.for_language("en") == []
