"""People: names after titles (with roles and affiliations), names the tagger finds, and later mentions
of the same person. A mixin of MentionFinder (extract/mentions.py), which owns the shared state.

* People introduced by a title: modifiers (نائب، مساعد، القائم بأعمال), the title, complements that give
  the affiliation (الأمريكي، لكوريا الجنوبية، للأمم المتحدة, a region), honorifics, then the name: the run of
  words that are not function words, lexicon entries or punctuation — checked against the name tagger, which
  vetoes ordinary words and settles where the name ends.
* The tagger's other names (people without a title, organisations and places the lexicons lack), when it is
  confident enough.
* Later mentions of a person by one part of the name: the surname anywhere, any part in quotes, the first
  words of a longer name.
"""
from __future__ import annotations

from bisect import bisect_right

from ..lexicon.index import key_tokens
from ..text.normalize import keys

from ..text.tokenize import letter_offset, split_proclitics
from .lookup import ENTITY_KINDS

NAME_LINKS = keys("عبد", "ابو", "ابي", "ابا", "بن", "ابن", "بنت", "ذو", "ال", "ولد", "دي", "دا", "فان",
                        "فون", "لو", "لا", "دو", "ديل", "بو")
MAX_NAME_TOKENS = 5
FATHER_LINKS = keys("بن", "ابن", "بنت", "ولد")
# The tagger's mean label probability a name needs: to settle where a titled name ends, and to become a
# mention on its own (read by eye on corpus articles: below these, tagger-only names are mostly wrong).
PERSON_PROBABILITY = 0.5
TAGGED_PERSON_PROBABILITY = 0.65
TAGGED_OTHER_PROBABILITY = 0.75
SINGLE_WORD_PROBABILITY = 0.85
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "نا")
SURE_PROBABILITY = 0.9  # a word the tagger is this sure of stays in a name even if it is a frequent word (شي جينبينغ)
EXTEND_PROBABILITY = 0.25  # a word the tagger gives this chance of being in a name may stay in it
UNTAGGED_PROBABILITY = 0.02  # below this the tagger rules a word out as a name, even a rare word
COMMON_RANK = 10000  # a tagged name does not begin or end with a word this frequent that is no name
VERY_COMMON_RANK = 300  # a word this frequent that is no name never ends a tagged name (كيم أول رئيس)
TRIM_RANK = 3000  # nor does a titled name end with one this frequent, unless the tagger sees it as a name
FAMILY_NAME_RANK = 10000  # a family name this frequent as a word (المركزية) does not make a name pair
PART_RANK = 1000  # a word this frequent (صالح، جون) alone is not read as a part of a name in the article
FIRST_NAME_PROBABILITY = 0.05  # an unknown word before a known surname is a first name (ميلانيا ترامب)
ACCUSATIVE_PROBABILITY = 0.1  # an accusative-looking word (اعتذارا) is vetoed below this; كارا is a name
VETO_RANK = 3000  # after a title, a word this frequent starts a name only if the tagger agrees
# Second halves of compound names: غرم الله، نصر الله، صلاح الدين، عبد الرحمن.
COMPOUND_PARTS = keys("الله", "الدين", "الرحمن", "العزيز", "الكريم", "الرحيم")
REGNAL_NUMBERS = keys("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                            "التاسع", "العاشر", "الابن", "الاب")
# Nouns that, before a title, make «الملك عبدالعزيز» part of a place or institution's name.
# (matching keys; proclitics are stripped before the lookup)
FACILITY_HEADS = keys("مطار", "جامعه", "مدينه", "مستشفي", "شارع", "داره", "مركز", "مشروع", "جاءزه",
                            "موءسسه", "ملعب", "ميناء", "قاعده", "مسجد", "جسر", "طريق", "كليه", "مجمع", "قصر",
                            "حي", "مدرسه", "برنامج", "صندوق", "كرسي", "معهد", "منحه", "وقف", "مكتبه", "محطه",
                            "قاعه", "استاد")
_QUOTES = frozenset({'"', "'"})


def _entity_words(entity: str) -> list[str]:
    """The words of a person's entity key: «person:سامح شكري» -> سامح, شكري."""
    return entity.split(":", 1)[1].split(" ")


TITLE_KINDS = ("title", "modifier", "honorific")


class PeopleRules:
    def _people(self) -> None:
        entity_by_first = {}
        for m in self.mentions:
            if m.first_token not in entity_by_first or m.end_token > entity_by_first[m.first_token].end_token:
                entity_by_first[m.first_token] = m
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        used_titles = set()
        for hit in self.doc.hits:
            titles = [e for e in hit.entries if e.kind in ("title", "honorific")]
            if not titles or hit.first_token in used_titles:
                continue
            # Use the longest title that starts here (وزير الخارجية over وزير).
            longest = max((h for h in self.doc.hits_at(hit.first_token)
                           if any(e.kind in ("title", "honorific") for e in h.entries)),
                          key=lambda h: h.end_token)
            if longest is not hit:
                continue
            used_titles.add(hit.first_token)
            self._person_after_title(hit, titles[0], entity_by_first, covered)

    def _person_after_title(self, hit, title, entity_by_first, covered) -> None:
        tokens = self.tokens
        sentence = self.doc.sentences[tokens[hit.first_token].sentence]
        first = hit.first_token
        if "ك" in hit.proclitics:
            return  # «كمدرب لتشيلسي»: as a coach — a description of someone already named
        if first > sentence.first_token and any(base in FACILITY_HEADS
                                                for _, base in split_proclitics(tokens[first - 1].key)):
            return  # «مطار الملك عبدالعزيز», «لمطار الملك فهد»: a place named after a person
        # Modifiers before the title: «القائمة بأعمال نائب مساعد وزير الدفاع».
        while True:
            previous = [h for h in self.doc.hits_ending_at(first) if h.first_token >= sentence.first_token
                        and any(e.kind == "modifier" for e in h.entries)]
            if not previous:
                break
            first = min(h.first_token for h in previous)
        title_start = tokens[first].start
        prefix = next((h.proclitics for h in self.doc.hits_at(first) if h.proclitics), "")
        if prefix:
            title_start = letter_offset(self.doc, tokens[first], len(prefix))
        role = [(title_start, tokens[hit.end_token - 1].end)]
        position = hit.end_token
        affiliation = None
        # Complements that give the affiliation (left out of the role's words) or its scope (kept), and
        # qualifiers (السابق), kept.
        for _ in range(4):
            if position < sentence.end_token and tokens[position].key in self.index.title_qualifiers:
                role.append((tokens[position].start, tokens[position].end))
                position += 1
                continue
            mention = entity_by_first.get(position)
            if mention is None or mention.sentence != tokens[hit.first_token].sentence \
                    or self._known_person_at(position):
                break  # «الرئيس الأوكراني فالنتين …»: a known person's name is not the role's complement
            if mention.type == "country" and mention.form == "adjective" and not mention.data.get("definite") \
                    and position == hit.end_token and not self._has_article(tokens[hit.end_token - 1]) \
                    and not hit.proclitics:
                return  # «أول رئيس كوري شمالي تطأ قدماه»: a description, not a title before a name
            if mention.type == "country" and mention.form == "adjective" and not mention.data.get("definite") \
                    and self._has_article(tokens[hit.end_token - 1]):
                # «المستشار تركي آل الشيخ»: after a definite title an indefinite adjective is a name.
                self.mentions.remove(mention)
                covered.difference_update(range(mention.first_token, mention.end_token))
                del entity_by_first[position]
                break
            if mention.type == "country":  # الأمريكي، لكوريا الجنوبية، ولي عهد أبوظبي
                affiliation = affiliation or mention.entity.split(":", 1)[1]
            else:
                if mention.type == "organization":
                    affiliation = affiliation or mention.data.get("country") or self._state_of(mention)
                role.append((tokens[position].start, tokens[mention.end_token - 1].end))
            position = mention.end_token
        # «المتحدثة باسم الخارجية الأمريكي»: a word before the country adjective is part of the role.
        if position + 1 < sentence.end_token and position not in entity_by_first and tokens[position].kind == "word" \
                and self._has_article(tokens[position]) and not self._is_stopword(tokens[position].key):
            adjective = entity_by_first.get(position + 1)
            if adjective is not None and adjective.type == "country" and adjective.form == "adjective":
                role.append((tokens[position].start, tokens[position].end))
                affiliation = affiliation or adjective.entity.split(":", 1)[1]
                position = adjective.end_token
        # «نائب وزير الخارجية الأمريكي، جون سوليفان،»: a comma may stand between the role and the name; the
        # tagger is unreliable on that pattern (it rarely saw it), so it has no veto there.
        after_comma = position + 1 < sentence.end_token and tokens[position].key == "," \
            and tokens[position + 1].kind == "word"
        if after_comma and not set(prefix) & set("بلك") and first - 2 >= sentence.first_token \
                and tokens[first - 1].key == "," and any(m.type == "person" and m.end_token == first - 1
                                                         for m in self.mentions):
            return  # «أحمد المسماري، المتحدث باسم الجيش الليبي، نبأ …»: the role of the name before it
        if after_comma:
            position += 1
        # An honorific between the role and the name: «أمير قطر الشيخ تميم بن حمد»; or a rank, a second
        # role: «ولي العهد السعودي الأمير محمد بن سلمان».
        second_role = None
        while True:
            honorifics = [h.end_token for h in self.doc.hits_at(position)
                          if any(e.kind == "honorific" for e in h.entries)]
            if not honorifics and second_role is None:
                second_role = self._rank_before_name(position, sentence.end_token)
                if second_role is not None:
                    honorifics = [second_role.pop("end")]
            if not honorifics:
                break
            position = max(honorifics)
        construct = position == hit.end_token and not self._has_article(tokens[hit.end_token - 1])
        name_first = self._skip_portfolio(position, sentence.end_token, covered, construct)
        while name_first > position:  # «المدير العام للتعليم بمنطقة مكة المكرمة محمد …»: where, after the portfolio
            place = entity_by_first.get(name_first)
            if place is None or place.type not in ("location", "organization", "country") \
                    or not set(place.data.get("proclitics", "")) & set("بل") \
                    or place.end_token >= sentence.end_token or self._known_person_at(place.end_token):
                break
            affiliation = affiliation or self._state_of(place)
            name_first = place.end_token
        if name_first > position and not after_comma and tokens[name_first].key == "," \
                and name_first + 1 < sentence.end_token and tokens[name_first + 1].kind == "word":
            name_first += 1  # «سفير النظام السوري في الأمم المتحدة، بشار الجعفري،»
            after_comma = True
        if name_first > position:
            role.append((tokens[position].start, tokens[name_first - 1].end))  # «نائب وزير سياسة الدفاع»
            if second_role is None:  # «المرشد الأعلى للجمهورية الإسلامية آية الله علي خامنئي»
                second_role = self._rank_before_name(name_first, sentence.end_token)
                if second_role is not None:
                    name_first = second_role.pop("end")
        known = [h.end_token for h in self.doc.hits_at(name_first) if any(e.kind == "person" for e in h.entries)
                 and not any(i in covered for i in range(name_first, h.end_token))]
        if not known:
            known = self._known_name_over_adjective(name_first, entity_by_first, covered)
        position = max(known) if known else self._name_end(name_first, sentence, covered)
        if position == name_first + 1 and not known:
            position = self._nisba_family_name(position, sentence, entity_by_first, covered)
        if position == name_first:
            return
        tagged = next((n for n in self._names_overlapping(name_first, position)
                       if n.type == "PERS" and n.probability >= PERSON_PROBABILITY), None)
        person = self.doc.person_probability
        first_key = tokens[name_first].key
        if first_key[:1] == "و" and first_key[1:] in self.index.given_names and first_key not in self.index.given_names:
            return  # «… ومحمد الخطيب»: and another person, not this title's
        if first_key[:1] in "بل" and not self._known_name(first_key, False) \
                and self.index.word_rank.get(first_key[1:], COMMON_RANK + 1) <= COMMON_RANK:
            return  # «المرسوم القاضي بمنح عفو»: a preposition on a frequent word; القاضي is an adjective here
        if not self._known_person_at(name_first) and (
                (self._head_of(first_key) is not None and person[name_first] < SURE_PROBABILITY)
                or (first_key[:1] in "يت" and first_key in self.index.word_rank and tagged is None
                    and not self._known_name(first_key, False))):
            # «رئيس ديوان المظالم»: the body the title governs; «خادم الحرمين الشريفين يأمر»: a verb
            return
        if first_key[:1] in "بل" and len(first_key) > 4 and not self._known_name(first_key, False) \
                and self._known_name(first_key[1:]):
            return  # «التقى الوزير بسامح شكري»: a preposition before the name — not this title's person
        compound = name_first + 1 < position and tokens[name_first + 1].key in COMPOUND_PARTS  # هيبة الله
        # Two or more words in no dictionary after a title are a foreign name (كارا أليسون مارشال), whatever
        # the tagger thinks; one such word alone (اكتفى، جوازات) needs the tagger's support.
        rare = [tokens[i].key for i in range(name_first, position) if self._rare_word(tokens[i].key)
                and not self._name_ruled_out(i) and not self._word_with_pronoun(tokens[i].key)
                and (self._known_name(tokens[i].key, False) or not self._has_article(tokens[i]))]
        # … but not a noun and its adjective in the accusative (اعتذارا شفهيا)
        foreign = len(rare) >= 2 and not all(self._accusative_word(key) or key.endswith("ا") for key in rare)
        if tagged is None and not after_comma and not compound and not foreign \
                and person[name_first] < EXTEND_PROBABILITY \
                and not (self._known_name(first_key, False) and not self._name_ruled_out(name_first)) \
                and not self._known_person_at(name_first) \
                and (self._ordinary_word(first_key, VETO_RANK) or person[name_first] < UNTAGGED_PROBABILITY
                     or (self._accusative_word(first_key) and person[name_first] < ACCUSATIVE_PROBABILITY)
                     or (self._accusative_word(first_key) and position > name_first + 1
                         and tokens[name_first + 1].key.endswith("ا"))):  # «اعتذارا شفهيا»: noun + adjective
            # «القاضي حكم …», «المدير بفرع …», «المدرب اكتفى …»: a frequent word, or one the tagger rules out
            return
        if after_comma and not self._known_name(first_key, False) and person[name_first] < EXTEND_PROBABILITY and (
                self._ordinary_word(first_key, TRIM_RANK) or self._verb_like(first_key)
                or (first_key[:1] == "و" and first_key[1:] in self.index.word_rank)):
            return  # «…الأمريكي، حكومة المملكة», «…لتشيلسي، وأحرز»: after the comma comes something else
        # The rules' name loses frequent ordinary words at its end that the tagger does not see in it
        # (بوتين بنحو); the tagger may carry the name further than the rules did.
        while position > name_first + 1 and person[position - 1] < EXTEND_PROBABILITY \
                and self._ordinary_word(tokens[position - 1].key, TRIM_RANK):
            position -= 1
        # «نجيب عبد الرزاق يتعثر»: a word shaped like a verb after the name the tagger sees is the verb;
        # «نيكول باشينيان حملة عصيان مدني»: after two words, a frequent word the tagger rules out ends it.
        while tagged is not None and tagged.end_token < position and position > name_first + 1 \
                and self._verb_like(tokens[position - 1].key):
            position -= 1
        position = next((i for i in range(name_first + 2, position) if person[i] < EXTEND_PROBABILITY
                         and self._ordinary_word(tokens[i].key, TRIM_RANK) and not self._known_name(tokens[i].key)
                         and tokens[i].key not in NAME_LINKS and tokens[i - 1].key not in NAME_LINKS),
                        position)
        if tagged is not None and tagged.end_token > position:
            # Further only over words that could be names (not «للتطبيل», «الوظيفة», «شنت»).
            while position < tagged.end_token and position not in covered and tokens[position].kind == "word" \
                    and tokens[position - 1].key not in REGNAL_NUMBERS \
                    and not self._is_stopword(tokens[position].key) \
                    and not self._prepositional_definite(tokens[position]) \
                    and not self._prepositional_word(tokens[position].key) \
                    and not (tokens[position].key[:1] == "و" and tokens[position].key[1:] in self.index.given_names) \
                    and not self._ordinary_word(tokens[position].key, TRIM_RANK) \
                    and not self._word_with_pronoun(tokens[position].key):
                position += 1
        if all(t.key.endswith("ا") for t in tokens[name_first:position]) and self._accusative_word(first_key):
            return  # «قدم رئيس الوفد اعتذارا شفهيا»: a noun and its adjective in the accusative
        key = self._name_key(name_first, position, 0)
        elided = any(h.elided for h in self.doc.hits_at(first) if h.proclitics == prefix)
        mention = self._mention(name_first, position, "person", f"person:{key}", "name",
                                title_id=title.ident, title_start=title_start, role=role,
                                title_token=first, title_proclitics=prefix, title_elided=elided,
                                affiliation=affiliation, honorific=title.kind == "honorific")
        if second_role is not None:
            mention.data["apposition"] = second_role
        self.mentions.append(mention)
        covered.update(range(name_first, position))

    def _appositions(self) -> None:
        """«سامح شكري وزير الخارجية المصري», «جوزيب بوريل، الممثل الأعلى للشؤون الخارجية»: a title right
        after a name, with no name of its own, is that person's role."""
        tokens = self.tokens
        titled_at = {m.data["title_token"] for m in self.mentions if "title_token" in m.data}
        countries = {m.first_token: m for m in self.mentions if m.type == "country"}
        others = {m.first_token: m for m in self.mentions if m.type in ("organization", "location")}
        for mention in [m for m in self.mentions if m.type == "person" and m.form == "name"
                        and "apposition" not in m.data]:
            position = mention.end_token
            sentence = self.doc.sentences[mention.sentence]
            if position < sentence.end_token and tokens[position].key == ",":
                position += 1
            first = position
            while any(e.kind == "modifier" for h in self.doc.hits_at(position) for e in h.entries):
                position = max(h.end_token for h in self.doc.hits_at(position)
                               if any(e.kind == "modifier" for e in h.entries))
            if position >= sentence.end_token or first in titled_at:
                continue
            if "title_id" in mention.data and not mention.data.get("honorific") and first == mention.end_token:
                continue  # a second role is set off by a comma («التقى الوزير فلان نظيره» is someone else)
            titles = [h for h in self.doc.hits_at(position) if any(e.kind == "title" for e in h.entries)]
            if not titles:
                accusative = self._accusative_title(position) if "title_id" not in mention.data else None
                if accusative is not None:  # «انتخاب شي جينبينغ رئيسا للبلاد»
                    start = tokens[position].start
                    end = letter_offset(self.doc, tokens[position], len(tokens[position].key) - 1)  # without ا
                    mention.data.update(title_id=accusative, title_start=start, role=[(start, end)],
                                        affiliation=None, apposition=True)
                continue
            if set(max(titles, key=lambda h: h.end_token).proclitics) & set("بلك"):
                continue  # «جون سوليفان، بوزير الخارجية السعودي»: with the minister — someone else
            title = max(titles, key=lambda h: h.end_token)
            start = letter_offset(self.doc, tokens[first], len(title.proclitics) if first == position else 0)
            role = [(start, tokens[title.end_token - 1].end)]
            affiliation = None
            position = title.end_token
            for _ in range(2):
                country = countries.get(position)
                other = others.get(position)
                if country is not None and country.form in ("adjective", "name"):
                    affiliation = affiliation or country.entity.split(":", 1)[1]
                    position = country.end_token
                elif other is not None:
                    role.append((tokens[position].start, tokens[other.end_token - 1].end))
                    affiliation = affiliation or other.data.get("country")
                    position = other.end_token
                else:
                    after = self._skip_portfolio(position, sentence.end_token, set())
                    if after > position:  # «الممثل الأعلى للشؤون الخارجية»
                        role.append((tokens[position].start, tokens[after - 1].end))
                        position = after
                    break
            apposition = dict(title_id=next(e.ident for e in title.entries if e.kind == "title"),
                              title_start=start, role=role, affiliation=affiliation)
            if "title_id" in mention.data:
                # «العميد أحمد المسماري، المتحدث باسم الجيش الليبي»: a second role
                mention.data["apposition"] = apposition
            else:
                mention.data.update(apposition, apposition=True)

    def _title_tokens(self) -> set[int]:
        """Tokens inside a title, modifier or honorific (a name does not contain them)."""
        return self.tokens_in_entries(TITLE_KINDS)

    def _known_name_pairs(self) -> None:
        """«المواطن سعيد الحارثي»: a known given name followed by a known family name is a person even
        where the tagger hesitates (names with the article are not in its training data as often)."""
        index = self.index
        tokens = self.tokens
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        position = 0
        while position < len(tokens) - 1:
            key = tokens[position].key
            prefix = "و" if key[:1] == "و" and key[1:] in index.given_names and key not in index.given_names else ""
            if position in covered or tokens[position].kind != "word" or key[len(prefix):] not in index.given_names \
                    or (position > 0 and any(base in FACILITY_HEADS
                                             for _, base in split_proclitics(tokens[position - 1].key))):
                position += 1
                continue
            end = position + 1
            while end < len(tokens) and end not in covered and tokens[end].kind == "word" \
                    and tokens[end - 1].sentence == tokens[end].sentence:
                word = tokens[end].key
                if word in NAME_LINKS and end + 1 < len(tokens):
                    end += 2  # بن سلمان، عبد الله
                elif word in index.family_names and index.word_rank.get(word, 10**9) > FAMILY_NAME_RANK \
                        and end not in self._title_tokens():
                    end += 1
                    if self._has_article(tokens[end - 1]):
                        break  # a family name with the article ends the name (سعيد الحارثي)
                else:
                    break
            last = tokens[end - 1].key
            if end - position >= 2 and last in index.family_names and not self._is_stopword(last):
                key_text = self._name_key(position, end, len(prefix))
                self.mentions.append(self._mention(position, end, "person", f"person:{key_text}", "name",
                                                   proclitics=prefix, tagged=True))
                covered.update(range(position, end))
                position = end
            else:
                position += 1

    def _known_people(self) -> None:
        """People the lexicon knows (people.yaml): a name found by the rules or the tagger that is exactly
        a known person's name or alias takes that person's identity (دونالد ترمب and ترامب are one
        person, with a country); a known name no rule found is a person too. An ambiguous alias (عباس)
        counts only when the article names that person otherwise."""
        known: dict[tuple[int, int], tuple] = {}
        confirmed = set()
        for hit in self.doc.hits:
            for entry in hit.entries:
                if entry.kind == "person":
                    known.setdefault((hit.first_token, hit.end_token), (hit, entry))
                    if not entry.needs_context:
                        confirmed.add(entry.ident)
        if not known:
            return
        confirmed |= self._confirmed_by_country()
        self._trim_to_known_names(known)
        # «سوليفان» beside «جون سوليفان»: a surname is that of a person the article names in full
        surnames = {m.entity.rsplit(" ", 1)[-1] for m in self.mentions if m.type == "person" and " " in m.entity
                    and known.get((m.first_token, m.end_token)) is None}
        renamed: dict[str, tuple[str, str]] = {}
        for mention in self.mentions:
            if mention.type != "person" or mention.form != "name":
                continue
            found = known.get((mention.first_token, mention.end_token))
            if found is not None and (not found[1].needs_context or found[1].ident in confirmed) \
                    and not (mention.end_token - mention.first_token == 1 and mention.entity[7:] in surnames):
                renamed.setdefault(mention.entity, (found[1].ident, self._known_entity(found[1].ident)))
        for mention in self.mentions:
            if mention.entity in renamed:
                ident, mention.entity = renamed[mention.entity]
                mention.data["known"] = ident
        confirmed.update(ident for ident, _ in renamed.values())
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        # «ميلانيا ترامب»: a known surname after a first name no rule took is someone else of that family
        for (first, end), (hit, entry) in sorted(known.items()):
            if end - first == 1 and not hit.proclitics and first not in covered and self._first_name_before(first):
                key = self._name_key(first - 1, end, 0)
                self.mentions.append(self._mention(first - 1, end, "person", f"person:{key}", "name"))
                covered.update((first - 1, first))
                surnames.add(self.tokens[first].key)
        for (first, end), (hit, entry) in sorted(known.items(), key=lambda item: (item[0][0], -item[0][1])):
            if entry.needs_context and entry.ident not in confirmed:
                continue
            if entry.needs_context and not hit.proclitics:
                self._surname_over_adjective(first, end, covered)
            if any(i in covered for i in range(first, end)):
                continue
            if end - first == 1 and self.tokens[first].key[len(hit.proclitics):] in surnames:
                continue
            self.mentions.append(self._mention(first, end, "person", self._known_entity(entry.ident), "name",
                                               proclitics=hit.proclitics, known=entry.ident,
                                               elided=hit.elided))
            covered.update(range(first, end))

    def _nisba_family_name(self, position: int, sentence, entity_by_first, covered) -> int:
        """«المتحدث باسم محاكم صفاقس مراد التركي»: after a titled given name, a definite nisba is a family
        name (a nationality comes before the name: الرئيس التركي رجب); returns the name's new end."""
        adjective = entity_by_first.get(position)
        if adjective is None or adjective.type != "country" or adjective.form != "adjective" \
                or not adjective.data.get("definite") or adjective.end_token != position + 1 \
                or self.tokens[position - 1].key not in self.index.given_names \
                or not self._ends_name(position + 1, sentence, before_entry=False):
            return position
        self.mentions.remove(adjective)
        del entity_by_first[position]
        covered.discard(position)
        return position + 1

    def _comma_follows(self, position: int, limit: int) -> bool:
        return position + 1 < limit and self.tokens[position].key == "," and self.tokens[position + 1].kind == "word"

    def _rank_before_name(self, position: int, limit: int) -> dict | None:
        """A second title just before a known given name (ولي العهد السعودي الأمير محمد): the person's other
        role, as title data with the position where the name starts under "end"."""
        tokens = self.tokens
        if position + 1 >= limit:
            return None
        rank = max((h for h in self.doc.hits_at(position) if h.end_token < limit and not h.proclitics
                    and any(e.kind == "title" for e in h.entries)), key=lambda h: h.end_token, default=None)
        if rank is None or not self._known_name(tokens[rank.end_token].key, False):
            return None
        return {"title_id": next(e.ident for e in rank.entries if e.kind == "title"), "affiliation": None,
                "role": [(tokens[position].start, tokens[rank.end_token - 1].end)], "end": rank.end_token}

    def _surname_over_adjective(self, first: int, end: int, covered) -> None:
        """«وأضاف السوداني» after «محمد شياع السوداني»: the surname of a person the article names, read as a
        country adjective, is the person when no definite noun stands before it for it to describe."""
        adjective = next((m for m in self.mentions.starting_at(first) if m.end_token == end
                          and m.type == "country" and m.form == "adjective"), None)
        if adjective is None or (first > 0 and self._has_article(self.tokens[first - 1])):
            return
        self.mentions.remove(adjective)
        covered.difference_update(range(first, end))

    def _known_name_over_adjective(self, first, entity_by_first, covered) -> list[int]:
        """«محمد شياع السوداني»: a known full name whose last word was read as a country adjective; the
        name wins and the adjective goes."""
        for hit in self.doc.hits_at(first):
            if hit.end_token - first < 2 or not any(e.kind == "person" and not e.needs_context for e in hit.entries):
                continue
            last = entity_by_first.get(hit.end_token - 1)
            if last is None or last.type != "country" or last.form != "adjective" \
                    or last.end_token != hit.end_token \
                    or any(i in covered for i in range(first, hit.end_token - 1)):
                continue
            self.mentions.remove(last)
            del entity_by_first[hit.end_token - 1]
            covered.difference_update(range(last.first_token, last.end_token))
            return [hit.end_token]
        return []

    def _confirmed_by_country(self) -> set[str]:
        """«هنية» in an article about Palestine: an alias that needs context counts when the article names
        its person's country, the alias belongs to no one else, and it is no word of the frequency list
        (عون، الحية) nor a title (المهندس)."""
        countries = {m.entity.split(":", 1)[1] for m in self.mentions if m.type == "country"}
        people = self.index.tables["people"]
        found = set()
        for hit in self.doc.hits:
            owners = {e.ident for e in hit.entries if e.kind == "person"}
            if len(owners) != 1 or hit.end_token - hit.first_token != 1 or hit.proclitics not in ("", "و", "ف"):
                continue
            ident = owners.pop()
            key = self.tokens[hit.first_token].key[len(hit.proclitics):]
            if people[ident].get("country") in countries and key not in self.index.word_rank \
                    and hit.first_token not in self._title_tokens():
                found.add(ident)
        return found

    def _trim_to_known_names(self, known: dict) -> None:
        """«نجيب عبد الرزاق يتعثر»: a name that runs past a known full name into words that are no names
        ends with the known name, and one that stops inside it goes on to its end; a tagged name that begins
        inside a known full name yields to it."""
        ends: dict[int, int] = {}
        for (first, end), (_hit, entry) in known.items():
            if end - first >= 2 and not entry.needs_context:
                ends[first] = max(ends.get(first, 0), end)
        # «يؤدي مهاتير محمد البالغ»: the tagger's «محمد البالغ» across a known full name gives way to it
        inside_known = {i for first, end in ends.items() for i in range(first + 1, end)}
        self.mentions[:] = [m for m in self.mentions if not (
            m.type == "person" and m.data.get("tagged") and "title_id" not in m.data
            and m.first_token in inside_known)]
        taken = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        for mention in self.mentions:
            end = ends.get(mention.first_token)
            if mention.type != "person" or mention.form != "name" or end is None or end == mention.end_token:
                continue
            if end > mention.end_token:  # «كيم جونغ» of the tagger before «أون»: the known name, in full
                if not any(i in taken for i in range(mention.end_token, end)) \
                        and self.tokens[end - 1].sentence == self.tokens[mention.first_token].sentence:
                    mention.end_token, mention.end = end, self.tokens[end - 1].end
                    mention.entity = "person:" + self._name_key(mention.first_token, end,
                                                                 len(mention.data.get("proclitics", "")))
                continue
            extra = range(end, mention.end_token)
            if any(self._family_name_like(i) for i in extra):
                continue  # «عبدالله بن زايد الفريدي»: someone else, whose name begins like the known one
            mention.end_token, mention.end = end, self.tokens[end - 1].end
            mention.entity = "person:" + self._name_key(mention.first_token, end,
                                                         len(mention.data.get("proclitics", "")))

    def _family_name_like(self, position: int) -> bool:
        key = self.tokens[position].key
        index = self.index
        return key in index.given_names or key in index.family_names or key in NAME_LINKS or (
            key.startswith("ال") and ((key.endswith("ي") and self._rare_word(key))
                                      or self.doc.person_probability[position] >= EXTEND_PROBABILITY))

    def _word_with_pronoun(self, key: str) -> bool:
        """أنصاره، بإعلانه: a frequent word, perhaps behind proclitics, with the pronoun ه attached."""
        if len(key) < 4 or not key.endswith("ه") or self._known_name(key, False):
            return False
        rank = self.index.word_rank
        return any(base[:-1] in rank for _, base in split_proclitics(key))

    def _name_ruled_out(self, position: int) -> bool:
        """«وزير الداخلية أثار مفاجأة»: a name that is also a frequent word (أثار) where the tagger rules
        a name out."""
        return self.doc.person_probability[position] < UNTAGGED_PROBABILITY \
            and self.index.word_rank.get(self.tokens[position].key, VETO_RANK + 1) <= VETO_RANK

    def _first_name_before(self, position: int) -> bool:
        """A given name, or a word in no list of frequent words, just before the token in its sentence."""
        if position == 0:
            return False
        previous = self.tokens[position - 1]
        if previous.kind != "word" or previous.sentence != self.tokens[position].sentence \
                or self._known_person_at(position - 1) or position - 1 in self._title_tokens() \
                or self._is_stopword(previous.key):
            return False
        key = previous.key
        rank = self.index.word_rank
        if key in self.index.given_names:  # but «فوز مهاتير»: a frequent word needs the tagger's support
            return rank.get(key, 10**9) > COMMON_RANK \
                or self.doc.person_probability[position - 1] >= EXTEND_PROBABILITY
        if key[:1] in "يت" and len(key) >= 4 and (key[1:] in rank or "ا" + key[1:] in rank):
            return False  # «تقاضي ترامب», «يكلف عمر», «تستجوب ساركوزي»: a verb in the present tense
        return key not in rank and not any(base in rank for _prefix, base in split_proclitics(key)[1:]) \
            and self.doc.person_probability[position - 1] >= FIRST_NAME_PROBABILITY

    def _known_person_at(self, position: int) -> bool:
        """Whether a name of the people lexicon starts at the token (فالنتين is not ف + ال + نتين); an
        alias that needs context (السوداني, also an adjective) does not count."""
        starts = self.__dict__.get("_known_starts")
        if starts is None:
            starts = self._known_starts = {h.first_token for h in self.doc.hits
                                           if any(e.kind == "person" and not e.needs_context for e in h.entries)}
        return position in starts

    def _known_entity(self, ident: str) -> str:
        return "person:" + key_tokens(self.index.tables["people"][ident]["name"])

    def _accusative_title(self, position: int) -> str | None:
        """The title id when the word is a one-word title in the accusative (رئيسا، زعيما، نائبا)."""
        key = self.tokens[position].key
        if not key.endswith("ا") or len(key) < 4:
            return None
        for hit in self.index.match([key[:-1]]):
            for entry in hit.entries:
                if entry.kind == "title":
                    return entry.ident
        return None

    def _delegations(self) -> None:
        """«ترأست … كارا أليسون مارشال الوفد الأمريكي»: a person right before a country's delegation or side
        heads it and belongs to that country."""
        sides = {}
        for mention in self.mentions:
            if mention.type == "country" and "side_token" in mention.data:
                sides[mention.data["side_token"]] = mention.entity.split(":", 1)[1]
        if not sides:
            return
        for mention in self.mentions:
            if mention.type == "person" and mention.form == "name" and not mention.data.get("affiliation"):
                code = sides.get(mention.end_token)
                if code:
                    mention.data["affiliation"] = code

    def _names_overlapping(self, first: int, end: int):
        """The tagger's names that overlap the tokens [first, end); they are in token order and disjoint."""
        names = self.doc.names
        if getattr(self, "_name_ends", None) is None or len(self._name_ends) != len(names):
            self._name_ends = [n.end_token for n in names]
        for name in names[bisect_right(self._name_ends, first):]:
            if name.first_token >= end:
                break
            yield name


    def _ordinary_word(self, key: str, limit: int = None) -> bool:
        """A frequent word (among the `limit` most frequent) that is no known name, with or without its
        proclitics; or a word with an attached pronoun (تعرضها، وشقيقتها). The whole word is read first:
        وفدا is the accusative of وفد before it is و + the name فدا."""
        index = self.index
        if key in index.given_names or key in index.family_names:
            return False
        if len(key) >= 5 and key.endswith(PRONOUN_SUFFIXES):
            return True
        rank = index.word_rank
        limit = limit or COMMON_RANK
        if len(key) >= 5 and key.endswith("ته") and rank.get(key[:-2] + "ه", COMMON_RANK + 1) <= COMMON_RANK:
            return True  # «معارضته»: a frequent noun in ة with an attached pronoun
        if rank.get(key, limit + 1) <= limit or (key.endswith("ا") and len(key) >= 4
                                                  and rank.get(key[:-1], limit + 1) <= limit):
            return True
        readings = split_proclitics(key)[1:]
        if any(base in index.given_names or base in index.family_names for _, base in readings):
            return False
        return any(rank.get(base, limit + 1) <= limit for _, base in readings)

    def _common_noun(self, position: int) -> bool:
        """An indefinite word that is no name and no title (فصيل، حزب)."""
        token = self.tokens[position]
        return token.kind == "word" and not self._has_article(token) and not self._known_name(token.key, False) \
            and token.key in self.index.word_rank and position not in self._title_tokens()

    def _verb_like(self, key: str) -> bool:
        """يلتحق، سيلتحق: the shape of an imperfect verb, on a word that is no known name."""
        return len(key) >= 4 and (key[:1] == "ي" or key[:2] in ("سي", "ست")) and not self._known_name(key, False)

    def _frequent_before_proclitics(self, key: str, proclitics: int) -> bool:
        """«بابا» read as ب + «ابا»: the whole word is a frequent word and what is left is no given name
        (family-name lists hold many ordinary words)."""
        return proclitics > 0 and self.index.word_rank.get(key, COMMON_RANK + 1) <= COMMON_RANK \
            and key[proclitics:] not in self.index.given_names

    def _rare_word(self, key: str) -> bool:
        """Not among the 10,000 most frequent words (nor a verb with the future particle), or a known name."""
        if self._known_name(key, False):
            return True
        return self.index.word_rank.get(key, COMMON_RANK + 1) > COMMON_RANK and not self._future_verb(key)

    def _future_verb(self, key: str) -> bool:
        """سيتم، فسيتم، وستواصل: the future particle on an imperfect verb."""
        for prefix in ("وس", "فس", "س"):
            rest = key[len(prefix):]
            if key.startswith(prefix) and rest[:1] in ("ي", "ت", "ن") and rest in self.index.word_rank:
                return True
        return False

    def _accusative_word(self, key: str) -> bool:
        """اعتذارا، وفدا: the indefinite accusative of a known word, not a name."""
        return key.endswith("ا") and len(key) >= 4 and key[:-1] in self.index.word_rank

    def _prepositional_word(self, key: str) -> bool:
        """بإغلاق، لتعزيز: a preposition on a frequent word that is no name never continues a name."""
        if key[:1] not in "بلك" or self._known_name(key):
            return False
        rank = self.index.word_rank
        return any(prefix[-1:] in "بلك" and len(base) >= 3 and rank.get(base, COMMON_RANK + 1) <= COMMON_RANK
                   for prefix, base in split_proclitics(key)[1:])

    def _known_name(self, key: str, behind_prepositions: bool = True) -> bool:
        """Whether the word is a given or family name, also behind proclitics (only و/ف when
        `behind_prepositions` is false: بنادي is not the name نادي)."""
        index = self.index
        return any(base in index.given_names or base in index.family_names
                   for prefix, base in split_proclitics(key)
                   if behind_prepositions or prefix in ("", "و", "ف"))

    def _name_key(self, first: int, end: int, proclitics: int) -> str:
        """The matching key of a name, without the proclitics of its first word (وجورج بوش -> جورج بوش)."""
        keys = [t.key for t in self.tokens[first:end]]
        keys[0] = keys[0][proclitics:]
        return " ".join(keys)

    def _tagged_names(self) -> None:
        """Names the lexicons do not know, from the trained tagger: people without a title, organisations
        and places. Spans that touch a lexicon mention are left to the lexicon, which knows codes."""
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        # the words of the people named so far: one tagged word that is one of them is their name
        person_words = {w for m in self.mentions if m.type == "person" for w in _entity_words(m.entity)}
        for name in self.doc.names:
            minimum = TAGGED_PERSON_PROBABILITY if name.type == "PERS" else TAGGED_OTHER_PROBABILITY
            if name.probability < minimum or any(i in covered for i in range(name.first_token, name.end_token)):
                continue
            tokens = self.tokens[name.first_token:name.end_token]
            if any(t.kind not in ("word", "latin") for t in tokens) or len(tokens[-1].key) < 2:
                continue
            first, end, proclitics = name.first_token, name.end_token, name.proclitics
            if name.type == "PERS" and first > 0 and any(
                    base in FACILITY_HEADS for _, base in split_proclitics(self.tokens[first - 1].key)):
                continue  # «مستشفى فرحات حشاد»: a place or body named after a person
            if name.type == "PERS":
                # «بسيارته سيارة سليمان الأسد», «رجب طيب أردوغان غداة»: ordinary words at the edges go.
                person = self.doc.person_probability
                titled = self._title_tokens()
                while first < end and (first in titled or self._is_stopword(tokens[first - name.first_token].key)
                                       or (person[first] < SURE_PROBABILITY
                                           and self._ordinary_word(tokens[first - name.first_token].key))
                                       or (first == name.first_token and self._frequent_before_proclitics(
                                           tokens[0].key, proclitics))):
                    first, proclitics = first + 1, 0
                while end > first and not self._known_person_at(end - 1) and (
                        end - 1 in titled or self._accusative_title(end - 1)
                        or self._ordinary_word(tokens[end - 1 - name.first_token].key, VERY_COMMON_RANK) or (
                        person[end - 1] < SURE_PROBABILITY
                        and (self._ordinary_word(tokens[end - 1 - name.first_token].key)
                             or (end - 1 > first and self._verb_like(tokens[end - 1 - name.first_token].key))))):
                    end -= 1  # also «أختر منصور زعيما»: a title in the accusative after the name
                if end == first or (end - first == 2 and self._accusative_word(self.tokens[first].key)
                                    and self.tokens[first + 1].key.endswith("يا")):
                    continue  # «قدم رئيس الوفد اعتذارا شفهيا»: a noun and its adjective in the accusative
                # «درويش وحسين» are two people: a name does not go on over و + a given name, nor over a
                # function word or a preposition (حمد بن جاسم بكل سرور).
                for i in range(first + 1, end):
                    key = self.tokens[i].key
                    if (key.startswith("و") and key[1:] in self.index.given_names) or self._is_stopword(key) \
                            or (self._has_article(self.tokens[i - 1]) and self._verb_like(key)) \
                            or i in titled or (person[i] < 0.5 and self._ordinary_word(key)) \
                            or self._prepositional_word(key) or self._prepositional_definite(self.tokens[i]):
                        end = i
                        break
                name = name._replace(first_token=first, end_token=end, proclitics=proclitics)
            key = self._name_key(name.first_token, name.end_token, name.proclitics)
            if len(key.replace(" ", "")) < 3 or key in self.index.stopwords:
                continue
            if name.type == "ORG" and self.generic_phrase(name.first_token, name.end_token):
                continue
            if name.type != "PERS" and any(self._is_stopword(t.key) for t in tokens[1:]):
                continue  # «جاسوس داخل القاعدة»: a function word inside; not a name
            if name.type == "PERS" and name.end_token - name.first_token == 1 \
                    and name.probability < SINGLE_WORD_PROBABILITY and key not in person_words:
                continue  # one unknown word (كويكب) needs more than one name's worth of evidence
            if name.type == "PERS" and name.end_token - name.first_token == 1 and name.first_token > 0 \
                    and self._indefinite_adjective(key) and self._common_noun(name.first_token - 1):
                continue  # «فصيل كردستاني»: an adjective after its noun, not a name
            # Organisations and places the lexicons do not know are identified by their name alone.
            type_, prefix = {"PERS": ("person", "person"), "ORG": ("organization", "org:name"),
                             "LOC": ("location", "loc:name")}[name.type]
            entity = f"{prefix}:{key}"
            if name.type == "ORG" and self.index.organization_without_spaces(key):
                entity = "org:" + self.index.organization_without_spaces(key)  # بوكوحرام is بوكو حرام
            mention = self._mention(name.first_token, name.end_token, type_, entity, "name",
                                    proclitics=self.tokens[name.first_token].key[:name.proclitics],
                                    tagged=True)
            self.mentions.append(mention)
            if type_ == "person":
                person_words.update(_entity_words(entity))
            covered.update(range(name.first_token, name.end_token))

    def _skip_portfolio(self, position: int, limit: int, covered, construct: bool = False) -> int:
        """Words that continue the title rather than start the name: «نائب وزير سياسة الدفاع الوطني»:
        a noun in ة followed by definite words is a construct phrase, not a name; so is the genitive of a
        title without the article (مدير المرصد، ضابط الشرطة), an unknown place after its head (حاكم ولاية
        بلاتو), and a body after في (القيادي في جماعة الإخوان المسلمين)."""
        tokens = self.tokens
        if position + 1 >= limit or self._known_person_at(position):
            return position
        if tokens[position].key == "في":
            body = next((m for m in self.mentions.starting_at(position + 1) if not m.data.get("proclitics")
                         and (m.type == "organization" or (construct is False and m.type in ("country", "location")
                                                           and self._comma_follows(m.end_token, limit)))), None)
            if body is not None and body.end_token < limit:
                return self._skip_portfolio(body.end_token, limit, covered)
            return position
        if position in covered:
            return position
        if self.tokens[position].key in self.index.location_heads and tokens[position + 1].kind == "word" \
                and position + 1 not in covered and not self._known_name(tokens[position + 1].key, False) \
                and position + 2 < limit and tokens[position + 2].kind == "word":
            return position + 2
        if construct:
            end = position
            while end + 1 < limit and end - position < 3 and tokens[end].kind == "word" and end not in covered \
                    and self._has_article(tokens[end]) and self.doc.person_probability[end] < EXTEND_PROBABILITY \
                    and (self._ordinary_word(tokens[end].key) if end == position
                         else not self._known_name(tokens[end].key, False)):
                end += 1
            if end > position and tokens[end].kind == "word":
                return end
            if end > position and tokens[end].key == "," and end + 2 < limit and tokens[end + 1].kind == "word":
                return end + 1  # «وزيرة التضامن والصحة، أنييس بوزن،»
        if self._prepositional_definite(tokens[position]):
            # «الممثل الأعلى للشؤون الخارجية»: a prepositional phrase completes the title.
            end = position + 1
            while end < limit and tokens[end].kind == "word" and self._has_article(tokens[end]) \
                    and end not in covered:
                end += 1
            return end
        head = self.doc.text[tokens[position].start:tokens[position].end].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        if not head.endswith("ة") or not self._has_article(tokens[position + 1]):
            return position
        end = position + 1
        while end < limit and tokens[end].kind == "word" and self._has_article(tokens[end]) and end not in covered:
            end += 1
        return end

    def _name_end(self, first, sentence, covered) -> int:
        tokens = self.tokens
        position = first
        limit = min(sentence.end_token, first + MAX_NAME_TOKENS)
        while position < limit:
            token = tokens[position]
            if token.kind not in ("word", "latin") or position in covered:
                break
            previous = tokens[position - 1].key if position > first else None
            if position > first + 1 and previous in REGNAL_NUMBERS and token.key != "عشر":
                break  # «عبدالله الثاني عمر الرزاز»: the regnal number ends the name
            if previous in NAME_LINKS or (position > first and token.key in REGNAL_NUMBERS | COMPOUND_PARTS):
                # «عبدالله بن مساعد», «عبد الله الثاني»: after بن/عبد any word is a name.
                position += 1
                continue
            if self._is_stopword(token.key):
                break
            if any(e.kind in ENTITY_KINDS + ("title", "modifier", "cue", "trigger", "institution")
                   for h in self.doc.hits_at(position) for e in h.entries):
                break
            if self._has_article(token) and not (
                    position > first and (self._ends_name(position + 1, sentence)
                                          or self._father_link_at(position + 1, sentence))
                    and not self._ordinary_word(token.key)):
                if position > first and token.key in self.index.family_names \
                        and self.index.word_rank.get(token.key, COMMON_RANK + 1) > COMMON_RANK:
                    position += 1  # «محمد بن مهدي الحارثي حركة نقل»: a family name, the last word of the name
                break  # a family name with the article ends a name (السيسي); an ordinary word does not
            if self._prepositional_definite(token) or (
                    position > first and self._prepositional_word(token.key)
                    and self.doc.person_probability[position] < SURE_PROBABILITY):  # but «أنييس بوزن»
                break
            if position > first and self._word_with_pronoun(token.key):
                break  # «نجيب عبد الرزاق لقبوله رشاوى»
            if self._future_verb(token.key) or (position > first and self._accusative_title(position)):
                break  # «فسيتم», «أختر منصور زعيما»
            if position > first and token.key[:1] == "و" and token.key[1:] in self.index.given_names:
                break  # «دونالد ترامب وكيم جونغ أون»: two people
            if position > first and tokens[position - 1].end != token.start and \
                    self.doc.text[tokens[position - 1].end:token.start].strip():
                break
            position += 1
        # A name does not end on a linking word (عبد، بن، أبو).
        while position > first and tokens[position - 1].key in NAME_LINKS:
            position -= 1
        return position

    def _father_link_at(self, position: int, sentence) -> bool:
        """«خالد الفيصل بن عبدالعزيز»: بن and a name after a family name carry the name on."""
        return position + 1 < sentence.end_token and self.tokens[position].key in FATHER_LINKS \
            and self.tokens[position + 1].kind == "word"

    def _ends_name(self, position: int, sentence, before_entry: bool = True) -> bool:
        """A family name with the article (السيسي، الأسد) is the last word of a name: what follows is
        punctuation, the end of the sentence, a function word or (with `before_entry`) a lexicon entry."""
        if position >= sentence.end_token:
            return True
        token = self.tokens[position]
        return (token.kind == "punct" or self._is_stopword(token.key) or token.key.startswith("و")
                or (before_entry and bool(self.doc.hits_at(position))))

    def _prepositional_definite(self, token) -> bool:
        """للشؤون، بالشرق: a preposition fused with the article never starts or continues a name (but بالما is
        a name: what follows the article is too short to be a word)."""
        key = token.key
        return any(key.startswith(prefix) and len(key) - len(prefix) >= 3
                   for prefix in ("لل", "بال", "كال", "ولل", "وبال", "فال", "فلل"))

    def _is_stopword(self, key: str) -> bool:
        """A function word, also behind proclitics (وفي، بعد) — unless the whole word is itself a frequent
        word (ولاية is a word, not و + لاية)."""
        stopwords = self.index.stopwords
        if key in stopwords:
            return True
        if key in self.index.word_rank:
            return False
        return any(base in stopwords for _prefix, base in split_proclitics(key)[1:])

    def _name_parts(self) -> None:
        """Later mentions by one part of a known name: the last part anywhere, any part in quotes. A name
        the tagger found that is part of a longer name in the article joins that person (بلينكن)."""
        people = {}
        for mention in self.mentions:
            if mention.type == "person":
                people.setdefault(mention.entity, mention)
        if not people:
            return
        self._join_partial_names(people)
        parts: dict[str, set] = {}
        for entity, mention in people.items():
            keys = [t.key for t in self.tokens[mention.first_token:mention.end_token]]
            for position, key in enumerate(keys):
                if len(key) >= 3 and key not in NAME_LINKS and key not in REGNAL_NUMBERS | COMPOUND_PARTS \
                        and not self._is_stopword(key) and self.index.word_rank.get(key, 10**9) > PART_RANK:
                    # not «الثاني» of عبدالله الثاني, «العزيز» of عبد العزيز, «ماي» of تيريزا ماي (May)
                    parts.setdefault(key, set()).add((entity, position == len(keys) - 1))
                    variant = "ال" + key  # «وأضاف الخليفي» after «بشير خليفي»: Maghrebi surnames take the article
                    if position == len(keys) - 1 and not key.startswith("ال") \
                            and self.index.word_rank.get(variant, 10**9) > PART_RANK:
                        parts.setdefault(variant, set()).add((entity, True))
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if index in covered or token.kind != "word":
                continue
            quoted = (index > 0 and tokens[index - 1].key in _QUOTES and index + 1 < len(tokens)
                      and tokens[index + 1].key in _QUOTES)
            for prefix, base in split_proclitics(token.key):
                owners = parts.get(base)
                if not owners:
                    continue
                entities = {entity for entity, last in owners if last or quoted}
                if len(entities) != 1:
                    continue
                entity = entities.pop()
                self.mentions.append(self._mention(index, index + 1, "person", entity, "part", proclitics=prefix))
                break


    def _join_partial_names(self, people: dict) -> None:
        """A shorter name that begins a longer one (فيصل بن بندر / فيصل بن بندر بن عبدالعزيز), is its surname
        (الرئيس بخاري / محمد بخاري), or that a
        tagger found inside a longer one (تاي يونج / تشو تاي يونج), is the same person — but not a father's
        name after بن (مران بن قويد in سطام بن مران بن قويد)."""
        # An entity's names: its key and, for a known person, the spellings the article uses (شي جينبينغ).
        spellings: dict[str, list[list[str]]] = {entity: [entity.split(":", 1)[1].split(" ")] for entity in people}
        for mention in self.mentions:
            if mention.type == "person" and mention.form == "name" and mention.data.get("known"):
                words = self._name_key(mention.first_token, mention.end_token,
                                       len(mention.data.get("proclitics", ""))).split(" ")
                if words not in spellings[mention.entity]:
                    spellings[mention.entity].append(words)
        for mention in self.mentions:
            if mention.type != "person" or mention.form != "name":
                continue
            words = spellings[mention.entity][0]
            owners = [entity for entity, names in spellings.items() if entity != mention.entity and any(
                len(other) > len(words) and (_part_of(other, words, mention.data.get("tagged", False))
                                             or _same_ends(other, words) or _surname(other, words))
                for other in names)]
            if len(owners) == 1:
                mention.entity = owners[0]
                if "title_id" not in mention.data:
                    mention.form = "part"
        for entity in [e for e in people if not any(m.entity == e for m in self.mentions)]:
            del people[entity]


def _same_ends(longer: list[str], shorter: list[str]) -> bool:
    """أختر منصور and أختر محمد منصور: the same first and last names, a middle name more or less."""
    return len(shorter) >= 2 and longer[0] == shorter[0] and longer[-1] == shorter[-1] \
        and not set(longer[1:-1]) & FATHER_LINKS


def _surname(longer: list[str], shorter: list[str]) -> bool:
    """«الرئيس بخاري» after «محمد بخاري»: a titled surname."""
    return len(shorter) == 1 and longer[-1] == shorter[0]


def _part_of(longer: list[str], shorter: list[str], anywhere: bool) -> bool:
    if longer[:len(shorter)] == shorter:
        return True
    if not anywhere:
        return False
    for i in range(1, len(longer) - len(shorter) + 1):
        if longer[i:i + len(shorter)] == shorter and longer[i - 1] not in FATHER_LINKS:
            return True
    return False
