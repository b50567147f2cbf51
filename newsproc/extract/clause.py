"""Shared clause-level helpers for statements and events: which actors a verb's subject names.

Arabic news puts the subject after the verb (وشدد بلينكن على …) and coordinates subjects with و
(أكدت الولايات المتحدة وكوريا الجنوبية …); both are handled here, once.
"""
from __future__ import annotations

# Words that may stand between a verb and its subject (أكد اليوم وزير …, أكد مجددا …).
SKIPPABLE = frozenset({"اليوم", "امس", "ايضا", "مجددا", "بدوره", "بدورها", "كذلك", "بدورهم", "مساء", "صباح",
                       "الخميس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "اول", "بشده"})


class ActorSpans:
    """Actor mentions of one document, indexed by token position, with their actor ids."""

    def __init__(self, doc):
        self.doc = doc
        ids = {actor.entity: actor.id for actor in doc.actors}
        self.by_first: dict[int, list] = {}
        self.mentions = []
        for mention in doc.mentions:
            item = (mention, ids[mention.entity])
            self.mentions.append(item)
            self.by_first.setdefault(mention.first_token, []).append(item)
        # Outer mentions first: وزارة الدفاع الأمريكية before its adjective الأمريكية.
        for items in self.by_first.values():
            items.sort(key=lambda item: -item[0].end_token)
        # A titled person's subject phrase starts at the title: «قال وزير الخارجية الأمريكي أنتوني بلينكن».
        self.titled = {}
        for mention, actor_id in self.mentions:
            if "title_token" in mention.data:
                self.titled.setdefault(mention.data["title_token"], (mention, actor_id))

    def at(self, position: int):
        items = self.by_first.get(position)
        return items[0] if items else None

    def subject_after(self, position: int, limit: int):
        """(actor ids, first token, end token) of a subject starting at `position`, or None.

        Follows coordination: «الولايات المتحدة وكوريا الجنوبية» gives both actors.
        """
        tokens = self.doc.tokens
        while position < limit and tokens[position].key in SKIPPABLE:
            position += 1
        if position >= limit:
            return None
        item = self.titled.get(position) or self.at(position)
        if item is None:
            return None
        first = position
        ids = [item[1]]
        end = item[0].end_token
        while end < limit:
            following = self.titled.get(end) or self.at(end)
            if following is None or not tokens[end].key.startswith("و"):
                break
            if following[1] not in ids:
                ids.append(following[1])
            end = following[0].end_token
        return ids, first, end

    def subject_before(self, position: int, sentence_first: int, reach: int = 4):
        """The nearest actor mention ending within `reach` tokens before `position`, in the sentence."""
        best = None
        for mention, actor_id in self.mentions:
            if sentence_first <= mention.first_token and mention.end_token <= position \
                    and position - mention.end_token <= reach:
                if best is None or mention.end_token > best[0].end_token:
                    best = (mention, actor_id)
        return best
