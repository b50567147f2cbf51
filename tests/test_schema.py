"""Every record the tool writes validates against the JSON Schema shipped in the package."""
import json
from importlib import resources

import jsonschema
import pytest

from newsproc.errors import InputError, error_record


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((resources.files("newsproc") / "schema" / "article.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_seed_record_validates(validator):
    import newsproc
    from pathlib import Path

    record = newsproc.analyze_file(Path(__file__).resolve().parent.parent / "samples" / "000_efdb9537e2f129eb.txt")
    validator.validate(record)


def test_error_records_validate(validator):
    validator.validate(error_record({"path": "x.txt", "encoding": None, "sha256": None},
                                    InputError("x.txt: not text", "undecodable")))
    validator.validate(error_record({"path": "x.txt"}, FileNotFoundError()))


def test_a_record_with_a_wrong_field_does_not_validate(validator):
    import newsproc

    record = newsproc.analyze_text("وقالت مصر إن الحوار مهم.")
    record["actors"][0]["code"] = "usa"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)


def test_every_documented_error_code_is_in_the_schema(validator):
    from newsproc.errors import ERROR_CODES

    enum = set(validator.schema["$defs"]["error"]["properties"]["error"]["properties"]["code"]["enum"])
    assert set(ERROR_CODES) == enum
