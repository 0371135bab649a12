"""The suppression function on its own: what is hidden, and that it is hidden alike in every
group, so that no subtraction of shown numbers gives a hidden one."""

from __future__ import annotations

from qualreg.statistics.suppression import REST, Shown, check_groups, protect

ROWS = ["a", "b", "c", "d"]
ONE = ["n"]


def table(**values: int) -> dict[tuple[str, str], int]:
    return {(row, "n"): n for row, n in values.items()}


def test_a_count_from_1_to_4_is_shown_as_fewer_than_5_and_0_and_5_are_shown():
    cells = protect({(): table(a=0, b=4, c=5, d=40)}, (), ROWS, ONE)
    assert cells[("a", "n")] == Shown(0)
    assert cells[("b", "n")] == Shown(None, "small")
    assert cells[("d", "n")] == Shown(40)


def test_a_lone_hidden_cell_takes_the_next_smallest_with_it_so_the_total_does_not_give_it():
    cells = protect({(): table(a=2, b=30, c=9, d=40)}, (), ROWS, ONE)
    assert cells[("a", "n")].mark == "small"
    assert cells[("c", "n")].mark == "hidden"  # 9 is the next smallest
    assert cells[("b", "n")] == Shown(30) and cells[("d", "n")] == Shown(40)


def test_two_small_cells_need_no_third():
    cells = protect({(): table(a=2, b=3, c=9, d=40)}, (), ROWS, ONE)
    assert [cells[(row, "n")].hidden for row in ROWS] == [True, True, False, False]


def test_a_cell_small_in_one_group_is_hidden_in_every_group_even_where_it_is_large():
    counts = {("A",): table(a=30, b=10, c=12, d=40), ("B",): table(a=3, b=11, c=14, d=20)}
    seen_from_a = protect(counts, ("A",), ROWS, ONE)
    seen_from_b = protect(counts, ("B",), ROWS, ONE)
    assert seen_from_a[("a", "n")] == Shown(None, "hidden")  # 30, hidden because B has 3
    assert seen_from_b[("a", "n")] == Shown(None, "small")
    # The secondary cell is the same in both groups: chosen by the count over all groups.
    assert seen_from_a[("b", "n")].hidden and seen_from_b[("b", "n")].hidden
    assert not seen_from_a[("c", "n")].hidden and not seen_from_b[("c", "n")].hidden


def test_in_a_table_of_several_columns_rows_and_columns_are_both_protected():
    counts = {
        (): {
            ("x", "1"): 2,
            ("x", "2"): 30,
            ("x", "3"): 8,
            ("y", "1"): 25,
            ("y", "2"): 6,
            ("y", "3"): 40,
        }
    }
    cells = protect(counts, (), ["x", "y"], ["1", "2", "3"])
    hidden = {position for position, cell in cells.items() if cell.hidden}
    # x1 is small; its row takes x3 (8) and its column y1 (25); then column 3 has one hidden
    # cell (x3) and takes y3, and row y has y1 and y3: every line holds 0 or 2+ hidden cells.
    assert ("x", "1") in hidden and ("x", "3") in hidden and ("y", "1") in hidden
    for line in (["x1", "x2", "x3"], ["y1", "y2", "y3"], ["x1", "y1"], ["x2", "y2"], ["x3", "y3"]):
        count = sum((cell[0], cell[1]) in hidden for cell in line)
        assert count != 1, line


def test_a_group_below_20_shows_nothing():
    groups = check_groups({("A",): 19, ("B",): 200}, ("A",), 1)
    assert groups.refusal == "too_small"


def test_a_large_group_beside_a_small_one_is_refused_since_all_minus_it_gives_the_small_one():
    groups = check_groups({("A",): 300, ("B",): 6}, ("A",), 1)
    assert groups.refusal == "differencing"


def test_small_groups_together_large_enough_are_merged_and_the_large_group_is_shown():
    sizes = {("A",): 300, ("B",): 12, ("C",): 9}
    groups = check_groups(sizes, ("A",), 1)
    assert groups.allowed
    assert groups.merge[("B",)] == REST and groups.merge[("C",)] == REST


def test_with_two_filters_no_crossed_group_may_be_small():
    sizes = {("A", "woman"): 30, ("A", "man"): 25, ("B", "woman"): 25, ("B", "man"): 3}
    assert check_groups(sizes, ("A", "woman"), 2).refusal == "differencing"
    sizes[("B", "man")] = 20
    assert check_groups(sizes, ("A", "woman"), 2).allowed
