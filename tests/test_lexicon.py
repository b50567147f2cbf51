"""Lexicon files: validation with file/line/field, compilation, caching and clitic-aware matching."""
import pytest

from newsproc.errors import LexiconError
from newsproc.lexicon import load_index
from newsproc.lexicon.index import compile_files, key_tokens, nisba_forms
from newsproc.lexicon.load import read_lexicon_file

COUNTRY = """\
countries:
  - code: "ZZ"
    alpha3: "ZZZ"
    name: زدلاند
    english: Zedland
    aliases: [جمهورية زدلاند]
    capital: [زدبورغ]
    nisba: [زدلاندي]
"""


def write(tmp_path, text, name="my.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_lexicons_are_valid():
    from newsproc.lexicon.index import shipped_files

    for path in shipped_files():
        read_lexicon_file(path)


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "countries:\n  - code: US\n    name: [unclosed\n")
    with pytest.raises(LexiconError) as caught:
        read_lexicon_file(path)
    assert str(path) in caught.value.message and ":4:" in caught.value.message


def test_a_missing_required_field_names_the_entry_and_field(tmp_path):
    path = write(tmp_path, "countries:\n  - code: \"ZZ\"\n    name: زدلاند\n    english: Zedland\n")
    with pytest.raises(LexiconError) as caught:
        read_lexicon_file(path)
    message = caught.value.message
    assert f"{path}:2:" in message and "alpha3" in message and "code ZZ" in message


def test_a_wrong_field_value_names_its_line(tmp_path):
    path = write(tmp_path, COUNTRY.replace('alpha3: "ZZZ"', "alpha3: 12"))
    with pytest.raises(LexiconError) as caught:
        read_lexicon_file(path)
    assert f"{path}:3:" in caught.value.message and "'alpha3'" in caught.value.message


def test_two_entries_with_one_id_in_a_file_are_caught(tmp_path):
    second = COUNTRY.split("\n", 1)[1].replace("زدلاند", "زدلاندا")
    path = write(tmp_path, COUNTRY + second)
    with pytest.raises(LexiconError) as caught:
        read_lexicon_file(path)
    assert f"{path}:9:" in caught.value.message and "duplicate code 'ZZ'" in caught.value.message \
        and "line 2" in caught.value.message


def test_an_unquoted_norway_code_is_caught(tmp_path):
    path = write(tmp_path, COUNTRY.replace('code: "ZZ"', "code: NO"))
    with pytest.raises(LexiconError) as caught:
        read_lexicon_file(path)
    assert "'code'" in caught.value.message


def test_unknown_fields_and_sections_are_errors(tmp_path):
    with pytest.raises(LexiconError, match="unknown field 'capitol'"):
        read_lexicon_file(write(tmp_path, COUNTRY + "    capitol: [x]\n"))
    with pytest.raises(LexiconError, match="unknown section 'cities'"):
        read_lexicon_file(write(tmp_path, "cities: []\n", "b.yaml"))


def test_nisba_forms_cover_gender_number_and_definiteness():
    forms = {surface for surface, _gender, _definite in nisba_forms("أمريكي")}
    assert {"أمريكي", "أمريكية", "الأمريكيون", "الأمريكيين", "الأمريكيات", "أمريكيتان"} <= forms


def test_compound_nisba_agrees_word_by_word():
    forms = {surface for surface, _gender, _definite in nisba_forms("كوري جنوبي")}
    assert {"الكوري الجنوبي", "الكورية الجنوبية", "الكوريين الجنوبيين"} <= forms


def matches(index, sentence):
    keys = [key for key in key_tokens(sentence).split(" ")]
    return [(" ".join(keys[h.first_token:h.end_token]), h.proclitics, {e.ident for e in h.entries})
            for h in index.match(keys)]


@pytest.fixture(scope="module")
def index():
    return load_index()


@pytest.mark.parametrize("sentence, ident, proclitics", [
    ("وكوريا الجنوبية", "KR", "و"),
    ("بالشرق الأوسط", "middle-east", "ب"),
    ("للولايات المتحدة", "US", "ل"),
    ("لأوكرانيا", "UA", "ل"),
    ("لكوريا الجنوبية", "KR", "ل"),
    ("وبالعراق", "IQ", "وب"),
])
def test_lexicon_entries_match_behind_proclitics(index, sentence, ident, proclitics):
    assert any(ident in idents and prefix == proclitics for _, prefix, idents in matches(index, sentence))


def test_a_match_never_starts_after_the_article_alone(index):
    # مصر is a name; «المصر» is not a form of it, so no hit may start after ال.
    assert not any(prefix == "ال" or text == "مصر" for text, prefix, _ in matches(index, "المصر"))


def test_a_match_must_end_at_a_word_end(index):
    assert not any("EG" in idents for _, _, idents in matches(index, "مصرف"))


def test_user_lexicons_add_entries_and_extend_existing_ones(tmp_path):
    extra = write(tmp_path, COUNTRY + """\
  - code: "US"
    alpha3: "USA"
    name: الولايات المتحدة
    english: United States
    aliases: [بلاد العم سام]
""")
    index = load_index((str(extra),))
    assert any("ZZ" in idents for _, _, idents in matches(index, "وزدبورغ"))
    assert any("US" in idents for _, _, idents in matches(index, "في بلاد العم سام"))
    assert "أمريكا" in index.tables["countries"]["US"]["aliases"]


def test_the_compiled_index_is_cached_on_disk_keyed_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPROC_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, COUNTRY)
    first = compile_files([path])
    assert len(list((tmp_path / "cache").glob("index-*.pickle"))) == 1
    assert compile_files([path]).digest == first.digest
    path.write_text(COUNTRY.replace("زدبورغ", "زدسيتي"), encoding="utf-8")
    assert compile_files([path]).digest != first.digest
    assert len(list((tmp_path / "cache").glob("index-*.pickle"))) == 2


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSPROC_CACHE_DIR", str(blocker / "cache"))
    assert compile_files([write(tmp_path, COUNTRY)]).tables["countries"]["ZZ"]["name"] == "زدلاند"
