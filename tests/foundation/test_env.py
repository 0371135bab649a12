import pytest

from qualreg.lib.env import ConfigError, env_bool, env_choice, env_int, env_list, env_str


def test_it_reads_booleans_in_the_usual_spellings():
    assert env_bool("X", False, env={"X": "yes"}) is True
    assert env_bool("X", True, env={"X": "0"}) is False
    assert env_bool("X", True, env={}) is True


@pytest.mark.parametrize("bad", ["maybe", "2", "ja"])
def test_it_rejects_a_boolean_it_cannot_read(bad):
    with pytest.raises(ConfigError, match="X must be true or false"):
        env_bool("X", False, env={"X": bad})


def test_it_rejects_a_number_that_is_not_a_number_or_out_of_range():
    with pytest.raises(ConfigError, match="whole number"):
        env_int("N", 1, env={"N": "ten"})
    with pytest.raises(ConfigError, match="at least 5"):
        env_int("N", 10, minimum=5, env={"N": "4"})
    assert env_int("N", 10, env={"N": " 42 "}) == 42


def test_it_requires_a_string_without_default():
    with pytest.raises(ConfigError, match="SECRET_KEY must be set"):
        env_str("SECRET_KEY", env={})


def test_it_rejects_empty_list_items_and_unknown_choices():
    assert env_list("H", [], env={"H": "a.no, b.no"}) == ["a.no", "b.no"]
    with pytest.raises(ConfigError, match="without empty items"):
        env_list("H", [], env={"H": "a.no,,b.no"})
    with pytest.raises(ConfigError, match="one of"):
        env_choice("E", "a", ["a", "b"], env={"E": "c"})
