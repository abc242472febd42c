"""The one passphrase rule: any text is either our error or its composed form, and only a new
passphrase must be 8 characters long."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.errors import ValidationError
from brm_desk.domain.passphrase import (
    NOT_TEXT,
    check_new,
    check_new_passphrase,
    composed,
)

# Any character, lone surrogates included (how Python carries bytes that were not UTF-8),
# with surrogates and accented letters in both Unicode forms made common on purpose.
ANY_TEXT = st.lists(
    st.one_of(
        st.characters(exclude_categories=()),
        st.characters(categories=["Cs"]),
        st.sampled_from(["é", "e\u0301", "Å", "A\u030a", "\u212b", "한", "\u1112\u1161\u11ab"]),
    )
).map("".join)


def has_surrogate(text: str) -> bool:
    return any(unicodedata.category(character) == "Cs" for character in text)


@given(ANY_TEXT)
def test_any_text_is_our_error_or_its_composed_form(text: str) -> None:
    if has_surrogate(text):
        with pytest.raises(ValidationError) as refused:
            composed(text)
        assert (refused.value.field, refused.value.reason) == ("passphrase", NOT_TEXT)
        return
    result = composed(text)
    assert result == unicodedata.normalize("NFC", text)
    result.encode("utf-8")  # always encodable: the key's bytes exist


@given(ANY_TEXT)
def test_composed_and_decomposed_typing_is_one_passphrase(text: str) -> None:
    if has_surrogate(text):
        return
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert composed(nfc) == composed(nfd)


@given(ANY_TEXT)
def test_a_new_passphrase_is_text_of_eight_characters_or_our_error(text: str) -> None:
    """Typed once composed and once decomposed, it is the same passphrase twice."""
    decomposed = unicodedata.normalize("NFD", text)
    if has_surrogate(text) or len(unicodedata.normalize("NFC", text)) < 8:
        with pytest.raises(ValidationError, match=r"^passphrase: (is not valid|needs at least)"):
            check_new_passphrase(text, decomposed)
    else:
        check_new_passphrase(text, decomposed)


def test_length_counts_characters_once_composed() -> None:
    check_new("crème brûlée")
    check_new(unicodedata.normalize("NFD", "ééééééé") + "e")  # 15 code points, 8 characters
    with pytest.raises(ValidationError, match="at least 8"):
        check_new(unicodedata.normalize("NFD", "éééé"))  # 8 code points, 4 characters
    with pytest.raises(ValidationError, match="at least 8"):
        check_new("x")


def test_errors_name_the_field_they_were_given() -> None:
    with pytest.raises(ValidationError, match=r"^\$BRM_DESK_PASSPHRASE: is not valid text"):
        composed("\udcff\udcfe passphrase", "$BRM_DESK_PASSPHRASE")
    with pytest.raises(ValidationError, match=r"^new passphrase: needs at least 8"):
        check_new("short", "new passphrase")
    with pytest.raises(ValidationError, match=r"^passphrase: the two entries differ"):
        check_new_passphrase("long enough", "long enougH")
