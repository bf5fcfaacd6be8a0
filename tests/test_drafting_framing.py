"""Framing: the "gốc vững, thân chắc, cành uyển chuyển" image found and laid onto the parts."""

from __future__ import annotations

from facilitator.drafting.framing import detect_framing, map_lenses


def test_the_bamboo_image_is_found_with_its_meanings() -> None:
    found = detect_framing(
        ["Phần mở đầu", "Làm rõ bản sắc “cây tre Việt Nam”: Gốc vững, thân chắc, cành uyển chuyển."]
    )
    assert found is not None
    framing, where = found
    assert where == 1
    assert [(lens.key, lens.label) for lens in framing.lenses] == [
        ("goc", "Gốc vững"),
        ("than", "Thân chắc"),
        ("canh", "Cành uyển chuyển"),
    ]
    assert all(lens.meaning for lens in framing.lenses)


def test_another_image_of_the_same_figure_is_read_generically() -> None:
    text = "Quán triệt phương châm “dân biết, dân bàn, dân làm, dân kiểm tra” trong mọi việc."
    found = detect_framing([text])
    assert found is not None
    framing, _ = found
    assert framing.phrase == "dân biết, dân bàn, dân làm, dân kiểm tra"
    assert [(lens.key, lens.label) for lens in framing.lenses] == [
        ("dan-biet", "Dân biết"),
        ("dan-ban", "Dân bàn"),
        ("dan-lam", "Dân làm"),
        ("dan-kiem-tra", "Dân kiểm tra"),
    ]


def test_quoted_lists_that_are_not_an_image_are_not_framing() -> None:
    assert (
        detect_framing(["Hình thức “đa dạng, phong phú, sáng tạo” ở cơ sở."]) is None
    )  # one word each
    assert detect_framing(["Tác phẩm “Xây dựng, phát triển nền đối ngoại, ngoại giao”."]) is None


def test_lenses_go_onto_the_sibling_parts_of_the_right_size() -> None:
    found = detect_framing(["gốc vững, thân chắc, cành uyển chuyển"])
    assert found is not None
    framing, _ = found
    # Parts 0-2 are 1.1-1.3 under "1."; part 3 is "2." on its own.
    assert map_lenses(framing, [[0, 1, 2], [3]], near=0) == {0: "goc", 1: "than", 2: "canh"}
    assert map_lenses(framing, [[0], [1, 2, 3]], near=0) == {1: "goc", 2: "than", 3: "canh"}
    assert map_lenses(framing, [[0, 1], [2, 3]], near=0) == {}
