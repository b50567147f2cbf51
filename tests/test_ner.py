"""The name tagger: CoNLL reading and scoring, training, the CoNLL interface, and names without titles."""
import subprocess
import sys


from newsproc.ner.conll import Score, chunks, read_conll, repair_bio
from newsproc.ner.tagger import to_bilou, to_bio

CONLL = """\
قال	O
الرئيس	O
جون	B-PERS
سميث	I-PERS
في	O
لندن	B-LOC
إن	O
شركة	O
أكمي	B-ORG
تعمل	O

زار	O
الوفد	O
باريس	B-LOC
.	O
"""


def newsproc(*args):
    result = subprocess.run([sys.executable, "-m", "newsproc", *map(str, args)], capture_output=True, timeout=300)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def test_conll_sentences_are_read_with_their_tags(tmp_path):
    path = tmp_path / "a.conll"
    path.write_text(CONLL, encoding="utf-8")
    sentences = list(read_conll(path))
    assert len(sentences) == 2
    assert sentences[0][0][2:4] == ["جون", "سميث"] and sentences[0][1][2:4] == ["B-PERS", "I-PERS"]


def test_chunks_and_repair():
    assert chunks(["B-PERS", "I-PERS", "O", "B-LOC"]) == {(0, 2, "PERS"), (3, 4, "LOC")}
    assert repair_bio(["O", "I-ORG", "I-ORG"]) == ["O", "B-ORG", "I-ORG"]


def test_bilou_round_trip():
    tags = ["B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert to_bilou(tags) == ["B-PERS", "I-PERS", "L-PERS", "O", "U-LOC", "B-ORG", "L-ORG"]
    assert to_bio(to_bilou(tags)) == tags


def test_scores_are_exact_chunk_matches():
    score = Score()
    score.add(["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "O", "O", "B-LOC"])
    table = score.table()
    assert table["LOC"][:3] == (1.0, 1.0, 1.0)
    assert table["PERS"][:3] == (0.0, 0.0, 0.0)
    assert table["micro"][:3] == (0.5, 0.5, 0.5)


def test_ner_answers_for_exactly_the_conll_tokens(tmp_path):
    path = tmp_path / "a.conll"
    path.write_text(CONLL.replace("\tB-PERS", "").replace("\tI-PERS", "").replace("\tB-LOC", "")
                    .replace("\tB-ORG", "").replace("\tO", ""), encoding="utf-8")
    status, out, _ = newsproc("ner", "--input-format", "conll", path)
    assert status == 0
    lines = out.rstrip("\n").split("\n")
    expected = [line.split("\t")[0] for line in CONLL.rstrip("\n").split("\n")]
    assert [line.split("\t")[0] for line in lines] == expected
    tags = [line.split("\t")[1] for line in lines if line]
    assert set(tags) <= {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}
    assert dict(zip([l.split("\t")[0] for l in lines if l], tags))["لندن"] == "B-LOC"


def test_ner_on_text_writes_one_token_per_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("وقال وزير الخارجية الفرنسي جان إيف لودريان إن باريس ستشارك.", encoding="utf-8")
    status, out, _ = newsproc("ner", path)
    rows = [line.split("\t") for line in out.splitlines() if line]
    assert status == 0
    assert ("باريس", "B-LOC") in [tuple(r) for r in rows]
    assert [r[1] for r in rows if r[0] in ("جان", "إيف", "لودريان")] == ["B-PERS", "I-PERS", "I-PERS"]


def test_train_and_evaluate_a_model(tmp_path):
    path = tmp_path / "train.conll"
    path.write_text("\n".join([CONLL] * 5), encoding="utf-8")
    model = tmp_path / "m.crfsuite"
    status, _, err = newsproc("train-ner", path, "-o", model, "--iterations", "20")
    assert status == 0 and model.exists() and "trained on 10 sentences" in err
    status, out, _ = newsproc("eval-ner", path, "--model", model)
    assert status == 0 and "micro" in out and "tokens/s" in out


def test_a_person_without_a_title_is_found_by_the_tagger(analyze):
    record = analyze("وأكد خالد العنزي أن الاتفاق سيوقع الأسبوع المقبل في الرياض.")
    people = [a for a in record["actors"] if a["type"] == "person"]
    assert [p["name"] for p in people] == ["خالد العنزي"]
    statement, = record["statements"]
    assert statement["speakers"] == [people[0]["id"]]


def test_a_later_surname_joins_a_tagged_person(analyze):
    record = analyze("التقى خالد العنزي بوفد تجاري أمس.\nوقال العنزي إن اللقاء كان مثمرا.")
    person, = [a for a in record["actors"] if a["type"] == "person"]
    assert [m["text"] for m in person["mentions"]] == ["خالد العنزي", "العنزي"]
