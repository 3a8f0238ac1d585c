"""Event labels come from the ontology (data/ontology/vnfa.ttl), one pair for every event type."""
from __future__ import annotations

import pytest

from vnfa.model.vocab import EVENT_CLASSES, event_labels


def test_every_event_type_has_a_vietnamese_and_an_english_label():
    labels = event_labels()
    assert sorted(labels) == sorted(EVENT_CLASSES)
    assert all(vi and en and vi != en for vi, en in labels.values())


@pytest.mark.parametrize("kind, labels", [
    ("visit", ("Chuyến thăm", "Visit")),
    ("talks", ("Hội đàm", "Talks")),
    ("phone_call", ("Điện đàm", "Phone or video call")),
    ("other", ("Sự kiện khác", "Other event")),
])
def test_an_event_label_is_the_class_label(kind, labels):
    assert event_labels()[kind] == labels
