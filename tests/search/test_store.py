from cstocli.dataset.files import load_bundled
from cstocli.search.store import ROLE_PREFIX, dataset_sentences, speaker_words


def test_dataset_sentences_are_exact_and_numbered_in_source_order() -> None:
    """Each sentence is its span of the source; ordinals count up from 0 in source order."""
    dataset = load_bundled()
    sentences = list(dataset_sentences(dataset))
    assert [s.ordinal for s in sentences] == list(range(len(sentences)))
    assert all(dataset.source_text[s.span[0] : s.span[1]] == s.text for s in sentences)
    assert [s.span for s in sentences] == sorted(s.span for s in sentences)
    assert {s.article_id for s in sentences} == {dataset.id}


def test_speaker_words_key_roles_apart_from_names() -> None:
    """A name word maps to its speaker bare; a role word only under the role prefix."""
    dataset = load_bundled()
    words = speaker_words(dataset.speakers)
    assert words["lukashenko"] == frozenset({"alexander-lukashenko"})
    assert "president" not in words
    assert "alexander-lukashenko" in words[ROLE_PREFIX + "president"]
