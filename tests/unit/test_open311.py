"""Open311 GeoReport v2: reading and writing services and definitions, validating answers."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.open311 import (
    AttributeValue,
    Datatype,
    Open311FormatError,
    ServiceAttribute,
    service_definition_from_json,
    service_definition_to_json,
    services_from_json,
    services_to_json,
)
from operator_console.domain.open311 import validate_answers as answer_problems
from tests.support.data import BLOOMINGTON_SERVICES


def validate_answers(
    attributes: Sequence[ServiceAttribute], answers: Mapping[str, object]
) -> dict[str, str]:
    """The answers' problems, in English as `str()` gives them."""
    return {code: str(words) for code, words in answer_problems(attributes, answers).items()}


# The service definition example published with the GeoReport v2 specification (numeric keys).
SPEC_DEFINITION = {
    "service_code": "DMV66",
    "attributes": [
        {
            "variable": True,
            "code": "WHISHETN",
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": None,
            "order": 1,
            "description": "What is the ticket/tag/DL number?",
            "values": [{"key": 123, "name": "Ford"}, {"key": 124, "name": "Chrysler"}],
        }
    ],
}
HOSTILE_TEXT = "O'Brien said \"it's broken\"; DROP TABLE requests; -- 100% <b>&amp;</b> \\ `x`"


def question(
    code: str,
    datatype: Datatype,
    *,
    required: bool = False,
    variable: bool = True,
    order: int = 1,
    keys: tuple[str, ...] = (),
) -> ServiceAttribute:
    values = tuple(AttributeValue(key, key.title()) for key in keys)
    return ServiceAttribute(code, variable, datatype, required, None, order, code, values)


def load_bloomington() -> object:
    return json.loads(BLOOMINGTON_SERVICES.read_text(encoding="utf-8"))


def test_reads_the_real_bloomington_service_list() -> None:
    services = services_from_json(load_bloomington())
    assert len(services) == 46
    assert sum(service.metadata for service in services) == 11
    graffiti = next(service for service in services if service.service_name == "Graffiti")
    assert graffiti.service_code == "4e090d24992b941e78000027"
    assert graffiti.metadata is True
    assert graffiti.type == "realtime"
    assert graffiti.group == "Most Popular"
    assert graffiti.keywords == ()


def test_bloomington_service_list_round_trips_unchanged() -> None:
    document = load_bloomington()
    exported = services_to_json(services_from_json(document))
    assert exported == document
    assert json.loads(json.dumps(exported)) == document


def test_keywords_are_split_and_joined_on_commas() -> None:
    entry = {"service_code": "1", "service_name": "Potholes", "keywords": "road, hole,,street "}
    (service,) = services_from_json([entry])
    assert service.keywords == ("road", "hole", "street")
    assert service.group is None
    assert services_to_json([service])[0]["keywords"] == "road,hole,street"


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"service_code": "1"}, "services"),
        ([{"service_name": "No code"}], r"services\[0\]\.service_code"),
        ([{"service_code": "1", "service_name": "x", "type": "weekly"}], r"\.type"),
        ([{"service_code": "1", "service_name": "x", "metadata": "maybe"}], r"\.metadata"),
        (["not an object"], r"services\[0\]"),
    ],
)
def test_malformed_service_lists_say_where(document: object, where: str) -> None:
    with pytest.raises(Open311FormatError, match=where):
        services_from_json(document)


def test_reads_the_spec_example_definition_with_numeric_keys_as_text() -> None:
    definition = service_definition_from_json(SPEC_DEFINITION)
    (attribute,) = definition.attributes
    assert definition.service_code == "DMV66"
    assert attribute.datatype is Datatype.SINGLE_VALUE_LIST
    assert attribute.required and attribute.variable
    assert attribute.datatype_description is None
    assert attribute.values == (AttributeValue("123", "Ford"), AttributeValue("124", "Chrysler"))


def test_definition_round_trips_through_json() -> None:
    definition = service_definition_from_json(SPEC_DEFINITION)
    exported = service_definition_to_json(definition)
    assert service_definition_from_json(json.loads(json.dumps(exported))) == definition
    assert exported["attributes"] == [
        {
            "code": "WHISHETN",
            "variable": True,
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": None,
            "order": 1,
            "description": "What is the ticket/tag/DL number?",
            "values": [{"key": "123", "name": "Ford"}, {"key": "124", "name": "Chrysler"}],
        }
    ]


def test_definition_questions_come_in_order_and_text_flags_are_read() -> None:
    document = {
        "service_code": "X",
        "attributes": [
            {"code": "B", "datatype": "text", "order": "2", "required": "false"},
            {"code": "A", "datatype": "number", "order": 1, "required": "true", "variable": True},
        ],
    }
    definition = service_definition_from_json(document)
    assert [attribute.code for attribute in definition.attributes] == ["A", "B"]
    assert [attribute.required for attribute in definition.attributes] == [True, False]


@pytest.mark.parametrize(
    "attributes",
    [
        [{"code": "A", "datatype": "colour"}],
        [{"code": "A", "datatype": "text"}, {"code": "A", "datatype": "text"}],
        [{"datatype": "text"}],
        [{"code": "A", "datatype": "text", "order": "first"}],
        [{"code": "A", "datatype": "singlevaluelist", "values": [{"key": 1}, {"key": "1"}]}],
    ],
)
def test_malformed_definitions_are_refused(attributes: list[object]) -> None:
    with pytest.raises(Open311FormatError):
        service_definition_from_json({"service_code": "X", "attributes": attributes})


def test_text_with_quotes_and_sql_survives_import_and_export() -> None:
    document = [{"service_code": "Q'1", "service_name": HOSTILE_TEXT, "description": HOSTILE_TEXT}]
    exported = services_to_json(services_from_json(document))
    assert exported[0]["service_name"] == HOSTILE_TEXT
    assert exported[0]["service_code"] == "Q'1"


class TestValidateAnswers:
    def test_required_answer_is_enforced_and_blank_counts_as_missing(self) -> None:
        needed = [question("A", Datatype.STRING, required=True)]
        blanks: tuple[object, ...] = (None, "", "   ", [])
        for blank in blanks:
            assert validate_answers(needed, {"A": blank}) == {"A": "This question needs an answer."}
        assert validate_answers(needed, {}) == {"A": "This question needs an answer."}

    def test_optional_blank_answers_are_fine(self) -> None:
        assert validate_answers([question("A", Datatype.NUMBER)], {"A": ""}) == {}

    def test_informational_attributes_are_never_required(self) -> None:
        note = question("NOTE", Datatype.TEXT, required=True, variable=False)
        assert validate_answers([note], {}) == {}

    def test_string_is_one_line_of_at_most_255_characters(self) -> None:
        short = [question("S", Datatype.STRING)]
        assert validate_answers(short, {"S": "x" * 255}) == {}
        assert "255" in validate_answers(short, {"S": "x" * 256})["S"]
        assert validate_answers(short, {"S": "two\nlines"}) == {
            "S": "Keep this answer on one line."
        }
        assert validate_answers(short, {"S": 12}) == {"S": "Enter text."}

    def test_text_takes_line_breaks_up_to_4000_characters(self) -> None:
        long = [question("T", Datatype.TEXT)]
        assert validate_answers(long, {"T": "line\n" * 800}) == {}
        assert "4,000" in validate_answers(long, {"T": "x" * 4001})["T"]

    @pytest.mark.parametrize("answer", ["12", " 3.5 ", "-1", "1e3", 7, 2.5])
    def test_numbers_that_parse(self, answer: object) -> None:
        assert validate_answers([question("N", Datatype.NUMBER)], {"N": answer}) == {}

    @pytest.mark.parametrize("answer", ["abc", "1,000", "NaN", "inf", True, float("nan"), "12 m"])
    def test_numbers_that_do_not(self, answer: object) -> None:
        problems = validate_answers([question("N", Datatype.NUMBER)], {"N": answer})
        assert problems == {"N": "Enter a number, such as 12 or 3.5."}

    @pytest.mark.parametrize(
        "answer",
        ["2026-04-20T14:30:00-04:00", "2026-04-20T18:30:00Z", "2026-04-20", datetime.now(UTC)],
    )
    def test_iso_datetimes_parse(self, answer: object) -> None:
        assert validate_answers([question("D", Datatype.DATETIME)], {"D": answer}) == {}

    @pytest.mark.parametrize("answer", ["yesterday", "20/04/2026", "2026-13-01", 20260420])
    def test_other_datetimes_do_not(self, answer: object) -> None:
        assert (
            "date and time"
            in validate_answers([question("D", Datatype.DATETIME)], {"D": answer})["D"]
        )

    def test_single_value_must_be_one_of_the_keys(self) -> None:
        single = [question("L", Datatype.SINGLE_VALUE_LIST, keys=("ford", "chrysler"))]
        assert validate_answers(single, {"L": "ford"}) == {}
        assert validate_answers(single, {"L": "Ford"}) == {"L": "Choose one of the listed options."}
        assert validate_answers(single, {"L": ["ford"]}) == {
            "L": "Choose one of the listed options."
        }

    def test_multi_values_must_be_a_subset_of_the_keys(self) -> None:
        multi = [question("M", Datatype.MULTI_VALUE_LIST, keys=("a", "b", "c"), required=True)]
        assert validate_answers(multi, {"M": ["a", "c"]}) == {}
        assert validate_answers(multi, {"M": ("b",)}) == {}
        assert validate_answers(multi, {"M": "b"}) == {}
        assert validate_answers(multi, {"M": ["a", "z"]}) == {"M": "Not one of the options: z."}
        assert validate_answers(multi, {"M": []}) == {"M": "This question needs an answer."}
        assert validate_answers(multi, {"M": 3}) == {"M": "Choose from the listed options."}

    def test_problems_come_in_question_order(self) -> None:
        questions = [
            question("LAST", Datatype.NUMBER, required=True, order=3),
            question("FIRST", Datatype.NUMBER, required=True, order=1),
            question("MIDDLE", Datatype.NUMBER, order=2),
        ]
        problems = validate_answers(questions, {"MIDDLE": "x"})
        assert list(problems) == ["FIRST", "MIDDLE", "LAST"]

    def test_quotes_and_sql_metacharacters_are_plain_text(self) -> None:
        questions = [question("S", Datatype.TEXT), question("T", Datatype.STRING, order=2)]
        answers = {"S": HOSTILE_TEXT, "T": HOSTILE_TEXT}
        assert validate_answers(questions, answers) == {}
        assert answers == {"S": HOSTILE_TEXT, "T": HOSTILE_TEXT}


@given(st.text(max_size=255).filter(lambda text: "\n" not in text and "\r" not in text))
def test_any_single_line_string_up_to_255_characters_is_accepted(text: str) -> None:
    assert validate_answers([question("S", Datatype.STRING)], {"S": text}) == {}


@given(st.text(min_size=256, max_size=600))
def test_any_longer_string_is_refused(text: str) -> None:
    assert "S" in validate_answers([question("S", Datatype.STRING)], {"S": text})
