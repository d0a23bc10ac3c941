"""Words composed outside the screens: English by default, each part through a look-up."""

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, counted, joined

_SPANISH = {
    ("Routing", "Routed to %1 because %2"): "Enviado a %1 porque %2",
    ("Routing", "the ward is %1"): "el distrito es %1",
    ("Cases", "1 case"): "1 caso",
    ("Cases", "%1 cases"): "%1 casos",
}


def _spanish(context: str, text: str) -> str:
    return _SPANISH.get((context, text), text)


def test_english_fills_the_places_in_order_of_their_numbers() -> None:
    words = QT_TRANSLATE_NOOP("Routing", "%2 goes to %1").with_values("Streets", "a pothole")
    assert str(words) == "a pothole goes to Streets"


def test_a_look_up_translates_the_text_and_every_words_value() -> None:
    reason = QT_TRANSLATE_NOOP("Routing", "the ward is %1").with_values(7)
    words = QT_TRANSLATE_NOOP("Routing", "Routed to %1 because %2").with_values("PWD", reason)
    assert words.render(_spanish) == "Enviado a PWD porque el distrito es 7"
    assert str(words) == "Routed to PWD because the ward is 7"


def test_a_place_without_a_value_stays_as_written() -> None:
    assert str(QT_TRANSLATE_NOOP("Routing", "%1 and %2").with_values("one")) == "one and %2"


def test_places_past_nine_are_read_whole() -> None:
    words = Words("", " ".join(f"%{n}" for n in range(1, 12)), tuple(range(1, 12)))
    assert str(words) == "1 2 3 4 5 6 7 8 9 10 11"


def test_counted_picks_the_form_by_the_count() -> None:
    one = QT_TRANSLATE_NOOP("Cases", "1 case")
    many = QT_TRANSLATE_NOOP("Cases", "%1 cases")
    assert counted(1, one, many).render(_spanish) == "1 caso"
    assert counted(3, one, many).render(_spanish) == "3 casos"


def test_joined_translates_each_part_on_its_own() -> None:
    parts = [QT_TRANSLATE_NOOP("Cases", "1 case"), "PWD"]
    assert joined(parts).render(_spanish) == "1 caso; PWD"


def test_a_screen_writes_fractions_its_own_way_and_leaves_whole_numbers() -> None:
    interval = QT_TRANSLATE_NOOP("Tables", "%1 to %2").with_values(48.9, 71.1)
    words = Words("", "%1 (%2 cases)", (interval, 145))
    assert (
        words.render(None, lambda value: f"{value}".replace(".", ",")) == "48,9 to 71,1 (145 cases)"
    )
    assert str(words) == "48.9 to 71.1 (145 cases)"
