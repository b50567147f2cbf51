"""The reader: encodings, formats and article structure."""
import json
import os

import pytest

from newsproc.errors import InputError
from newsproc.reader.decode import decode
from newsproc.reader.sources import ReadOptions, Task, iter_tasks, read_task
from newsproc.reader.structure import split_blocks

ARTICLE = "وزير الخارجية يزور القاهرة\n\nوصل وزير الخارجية إلى القاهرة اليوم في زيارة رسمية.\n"


@pytest.mark.parametrize("encoding, label", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1256", "cp1256"),
])
def test_supported_encodings_decode_to_the_same_text(encoding, label):
    text, used, _ = decode(ARTICLE.encode(encoding))
    assert text == ARTICLE
    assert used == label


def test_utf16_without_a_byte_order_mark_is_recognised():
    text, used, _ = decode(ARTICLE.encode("utf-16-le"))
    assert text == ARTICLE and used == "utf-16-le"


def test_cp1256_text_never_comes_out_as_mojibake():
    text, _, _ = decode("قالت الحكومة المصرية إن الاجتماع ناجح.".encode("cp1256"))
    assert "الحكومة" in text


def test_utf8_cut_inside_its_last_letter_keeps_the_rest_and_warns():
    data = "قالت الحكومة إن الاجتماع ناجح".encode("utf-8")[:-1]
    text, encoding, warnings = decode(data)
    assert (text, encoding) == ("قالت الحكومة إن الاجتماع ناج", "utf-8")
    assert [w["code"] for w in warnings] == ["truncated_utf8"]


def test_a_damaged_byte_in_utf8_arabic_becomes_a_replacement_character_not_mojibake():
    good = "قالت الحكومة المصرية إن الاجتماع الذي عقد في القاهرة كان ناجحا".encode("utf-8")
    text, encoding, warnings = decode(good[:20] + b"\xff" + good[20:])
    assert encoding == "utf-8" and "\ufffd" in text and "الاجتماع" in text
    assert [w["code"] for w in warnings] == ["invalid_utf8"]


def test_latin_text_with_one_accented_byte_is_still_read_as_a_latin_code_page():
    text, encoding, warnings = decode("The café in Paris reported the talks between the two sides.".encode("cp1252"))
    assert "café" in text and encoding != "utf-8" and not warnings


def test_random_bytes_are_not_decoded_as_cp1256():
    import random

    rng = random.Random(1)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(4000))
        with pytest.raises(InputError) as caught:
            decode(data)
        assert caught.value.code in {"undecodable", "binary_input"}


def test_high_bytes_without_spaces_are_not_text():
    with pytest.raises(InputError) as caught:
        decode(bytes(range(0xC1, 0xFF)) * 40)
    assert caught.value.code == "undecodable"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + os.urandom(100), b"PK\x03\x04" + os.urandom(100),
                                  b"%PDF-1.4\n" + os.urandom(50)])
def test_binary_files_are_refused_with_a_code(data):
    with pytest.raises(InputError) as caught:
        decode(data)
    assert caught.value.code == "binary_input"


def test_latin_text_decodes():
    assert decode("Reuters reported the talks.".encode("ascii"))[0] == "Reuters reported the talks."


def test_title_followed_by_a_blank_line():
    blocks = split_blocks(ARTICLE)
    assert [b.kind for b in blocks] == ["title", "paragraph"]
    assert ARTICLE[blocks[0].start:blocks[0].end] == "وزير الخارجية يزور القاهرة"


def test_short_first_line_without_final_punctuation_is_a_title_even_without_a_blank_line():
    text = "قمة عربية في الرياض\nاجتمع القادة العرب في الرياض اليوم.\nوبحثوا الأوضاع في المنطقة."
    assert [b.kind for b in split_blocks(text)] == ["title", "paragraph", "paragraph"]


def test_first_line_ending_like_a_sentence_is_not_a_title():
    text = "اجتمع القادة العرب في الرياض اليوم.\nوبحثوا الأوضاع في المنطقة."
    assert [b.kind for b in split_blocks(text)] == ["paragraph", "paragraph"]


def test_a_short_line_inside_the_article_is_a_sub_heading():
    text = "عنوان الخبر\n\nالفقرة الأولى تنتهي هنا.\nالدفاع المشترك\nالفقرة الثانية تنتهي هنا."
    assert [b.kind for b in split_blocks(text)] == ["title", "paragraph", "heading", "paragraph"]


def test_a_short_last_line_is_a_paragraph_not_a_heading():
    text = "عنوان\n\nالفقرة الأولى تنتهي هنا.\nمراسل الوكالة"
    assert split_blocks(text)[-1].kind == "paragraph"


def test_block_spans_exclude_surrounding_white_space():
    text = "  عنوان الخبر  \n\n  فقرة واحدة هنا.  "
    blocks = split_blocks(text)
    assert [text[b.start:b.end] for b in blocks] == ["عنوان الخبر", "فقرة واحدة هنا."]


def test_windows_line_endings_are_read_as_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    article = read_task(Task("file", str(path), "a"), ReadOptions())
    assert article.text == ARTICLE


def test_folders_are_walked_recursively_in_sorted_order_with_the_default_globs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("ب", encoding="utf-8")
    (tmp_path / "1.txt").write_text("أ", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    ids = [task.id for task in iter_tasks([str(tmp_path)], ReadOptions())]
    assert ids == ["1", "b/2"]


def test_a_directory_symlink_loop_does_not_trap_the_walk(tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    assert [task.id for task in iter_tasks([str(tmp_path)], ReadOptions())] == ["a"]


def test_jsonl_lines_become_articles_with_their_fields(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [{"id": "x1", "title": "عنوان", "date": "2024-01-02", "text": "نص الخبر."},
            {"body": "نص آخر.", "headline": "عنوان آخر", "key": 7}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    first = read_task(next(iter_tasks([str(path)], ReadOptions())), ReadOptions())
    assert (first.id, first.title, first.date, first.text) == ("x1", "عنوان", "2024-01-02", "نص الخبر.")
    assert first.source["line"] == 1
    custom = ReadOptions(text_field="body", title_field="headline", id_field="key")
    second = read_task(list(iter_tasks([str(path)], custom))[1], custom)
    assert (second.id, second.title, second.text) == ("7", "عنوان آخر", "نص آخر.")


@pytest.mark.parametrize("line, code", [
    (b"{not json", "invalid_json"),
    (b"[1, 2]", "invalid_json"),
    (b'{"title": "x"}', "missing_field"),
    (b'{"text": 5}', "invalid_field"),
    (b'{"text": "   "}', "empty_input"),
    (b'{"text": "ok", "title": ["a"]}', "invalid_field"),
])
def test_malformed_json_lines_raise_stable_codes(line, code):
    with pytest.raises(InputError) as caught:
        read_task(Task("line", "x.jsonl", "x:1", line=1, data=line), ReadOptions())
    assert caught.value.code == code


def test_an_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b" \n\t\n")
    with pytest.raises(InputError) as caught:
        read_task(Task("file", str(path), "empty"), ReadOptions())
    assert caught.value.code == "empty_input"


def test_a_file_larger_than_max_bytes_is_an_error(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("نص " * 100, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_task(Task("file", str(path), "big"), ReadOptions(max_bytes=50))
    assert caught.value.code == "too_large"


def test_a_missing_path_becomes_a_failed_task_with_code_not_found(tmp_path):
    task, = iter_tasks([str(tmp_path / "nope.txt")], ReadOptions())
    with pytest.raises(InputError) as caught:
        read_task(task, ReadOptions())
    assert caught.value.code == "not_found"


def test_a_file_removed_after_listing_is_a_read_error(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("نص", encoding="utf-8")
    task, = iter_tasks([str(tmp_path)], ReadOptions())
    path.unlink()
    with pytest.raises(InputError) as caught:
        read_task(task, ReadOptions())
    assert caught.value.code == "not_found"
