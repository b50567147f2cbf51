"""Statements (who said what) and events (who did what to whom)."""
import pytest

from conftest import actor_by_key


def ids(record, *keys):
    return [actor_by_key(record, key)["id"] for key in keys]


def only(items):
    assert len(items) == 1, items
    return items[0]


# --- statements -------------------------------------------------------------------------------------

def test_speaker_after_the_verb_and_content_after_an(analyze):
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن المفاوضات ستستأنف قريبا."
    record = analyze(text)
    statement = only(record["statements"])
    person = next(a for a in record["actors"] if a["type"] == "person")
    assert statement["speakers"] == [person["id"]]
    assert statement["cue"] == "قال" and statement["kind"] == "indirect"
    assert statement["content"] == "المفاوضات ستستأنف قريبا"
    assert text[statement["start"]:statement["end"]] == statement["content"]
    assert text[statement["cue_start"]:statement["cue_end"]] == statement["cue"]


def test_quoted_content_is_direct(analyze):
    record = analyze('وأضاف الرئيس الفرنسي إيمانويل ماكرون: "لن نتخلى عن حلفائنا".')
    statement = only(record["statements"])
    assert statement["kind"] == "direct"
    assert statement["content"] == "لن نتخلى عن حلفائنا"


def test_coordinated_subjects_give_several_speakers(analyze):
    record = analyze("أكدت الولايات المتحدة وكوريا الجنوبية أهمية التعاون العسكري.")
    statement = only(record["statements"])
    assert statement["speakers"] == ids(record, "country:US", "country:KR")
    assert statement["content"] == "أهمية التعاون العسكري"


def test_subject_before_a_verb_at_the_start_of_a_clause(analyze):
    record = analyze("فرنسا وألمانيا تؤكدان دعم الحوار")
    assert only(record["statements"])["speakers"] == ids(record, "country:FR", "country:DE")


def test_a_verb_without_a_subject_continues_the_previous_speaker(analyze):
    record = analyze("جدد الجانب الصيني التزامه بالحوار.\nوأكد مجددا أن بكين ترفض العقوبات.")
    first, second = record["statements"]
    cn = ids(record, "country:CN")
    assert first["speakers"] == cn and second["speakers"] == cn
    assert second["content"] == "بكين ترفض العقوبات"


def test_a_participle_takes_the_speaker_of_the_main_verb(analyze):
    record = analyze("وقال وزير الخارجية التركي أحمد يلدز إن الحل سياسي، مشيرا إلى أن الحرب لن تحسم شيئا.")
    main, participle = record["statements"]
    assert participle["cue"] == "مشيرا"
    assert participle["speakers"] == main["speakers"] != []
    assert participle["content"] == "الحرب لن تحسم شيئا"


def test_a_generic_speaker_keeps_its_words(analyze):
    record = analyze("وقال مصدر إن الوفد سيصل غدا.")
    statement = only(record["statements"])
    assert statement["speakers"] == [] and statement["speaker_text"] == "مصدر"


def test_an_unknown_name_after_the_verb_is_the_speaker_text(analyze):
    statement = only(analyze("وقال زارغوف إن الحدود ستفتح.")["statements"])
    assert statement["speakers"] == [] and statement["speaker_text"] == "زارغوف"


def test_attribution_phrase_names_the_source_of_the_sentence(analyze):
    record = analyze("ارتفع عدد الضحايا إلى عشرين، بحسب منظمة الصحة العالمية.")
    statement = only(record["statements"])
    assert statement["speakers"] == ids(record, "org:who")
    assert statement["content"] == "ارتفع عدد الضحايا إلى عشرين"


# --- events -----------------------------------------------------------------------------------------

def test_verb_event_with_source_target_and_cameo_code(analyze):
    record = analyze("وانتقدت مصر إثيوبيا بسبب السد.")
    event = only(record["events"])
    assert event["cameo"] == "11" and event["type"] == "criticize"
    assert event["sources"] == ids(record, "country:EG")
    assert event["targets"] == ids(record, "country:ET")
    assert event["trigger"] == "انتقدت"


def test_prepositional_targets_and_location(analyze):
    record = analyze("والتقى وزير الخارجية الألماني يوهان كلاين مع نظيره الإيراني في جنيف.")
    event = only([e for e in record["events"] if e["cameo"] == "04"])
    person = next(a for a in record["actors"] if a["type"] == "person")
    assert event["sources"] == [person["id"]]
    assert ids(record, "country:IR")[0] in event["targets"]


def test_verbal_noun_takes_its_possessor_as_source(analyze):
    record = analyze("وأدان الاتحاد الأوروبي هجوم روسيا على أوكرانيا.")
    attack = only([e for e in record["events"] if e["type"] == "attack"])
    assert attack["sources"] == ids(record, "country:RU")
    assert attack["targets"] == ids(record, "country:UA")


def test_agent_after_min_janib(analyze):
    record = analyze("وحذرت اليابان من أي هجوم من جانب كوريا الشمالية ضد جيرانها.")
    attack = only([e for e in record["events"] if e["type"] == "attack"])
    assert attack["sources"] == ids(record, "country:KP")
    assert attack["hypothetical"] is True


def test_negated_actions_are_marked(analyze):
    record = analyze("ولم تهاجم إيران السفن الأمريكية.")
    attack = only([e for e in record["events"] if e["type"] == "attack"])
    assert attack["negated"] is True
    assert attack["sources"] == ids(record, "country:IR")


def test_a_verbal_noun_that_is_only_a_topic_is_not_an_event(analyze):
    assert analyze("أكد الخبراء أهمية التعاون.")["events"] == []


def test_an_action_without_named_participants_is_still_an_event(analyze):
    event, = analyze("واندلعت مواجهات عنيفة في المدينة أمس.")["events"]
    assert event["cameo"] == "19" and event["sources"] == [] and event["targets"] == []


def test_relative_day_words_resolve_against_the_article_date(analyze):
    record = analyze("والتقى الرئيس الفرنسي اليوم الخميس نظيره المصري.", date="2024-03-16")
    event = only([e for e in record["events"] if e["cameo"] == "04"])
    assert event["date"] == "2024-03-14"


def test_explicit_dates_win(analyze):
    record = analyze("وفي 12 مارس 2023 التقى وزير الخارجية القطري نظيره العماني.", date="2024-01-01")
    assert only(record["events"])["date"] == "2023-03-12"


def test_event_offsets_point_at_the_trigger(analyze):
    text = "وقصفت روسيا مدينة أوديسا الأوكرانية."
    record = analyze(text)
    for event in record["events"]:
        assert text[event["start"]:event["end"]] == event["trigger"]


def test_an_apposition_between_the_speaker_and_the_content_is_skipped(analyze):
    statement, = analyze("وقال منصور العتيبي، سفير الكويت في الأمم المتحدة، إن مشروع القرار جاهز.")["statements"]
    assert statement["content"] == "مشروع القرار جاهز" and statement["speaker_text"] == "منصور العتيبي"


def test_a_speaker_no_lexicon_knows_keeps_its_words(analyze):
    statement, = analyze("وقالت معدة البرنامج إنها أبلغت الشرطة.")["statements"]
    assert statement["speakers"] == [] and statement["speaker_text"] == "معدة البرنامج"


def test_custody_trial_and_closure_are_coercion_events(analyze):
    record = analyze("وقررت النيابة حبس المتهمين وإحالتهم إلى المحاكمة، وأغلقت السلطات المحطة.")
    assert {e["cameo"] for e in record["events"]} == {"17"}
    assert len(record["events"]) >= 3


def test_event_participants_carry_cameo_actor_codes(analyze):
    record = analyze("وأدان وزير الخارجية الأمريكي أنتوني بلينكن كوريا الشمالية.")
    event = only([e for e in record["events"] if e["cameo"] == "11"])
    assert event["source_codes"] == ["USAGOV"] and event["target_codes"] == ["PRK"]


def test_a_pronoun_on_a_verbal_noun_points_at_the_state_before_it(analyze):
    record = analyze("وتقدم بيونج يانج الذخائر إلى روسيا لاستخدامها في حربها ضد أوكرانيا.")
    war = only([e for e in record["events"] if e["cameo"] == "19"])
    assert war["source_codes"] == ["RUS"] and war["target_codes"] == ["UKR"]


def test_a_planned_action_is_hypothetical(analyze):
    event = only(analyze("وكان المتهمان يخططان لاستهداف دوريات أمنية.")["events"])
    assert event["hypothetical"] is True


def test_the_seed_articles_events_are_those_of_the_specification(analyze):
    from pathlib import Path
    text = (Path(__file__).resolve().parent.parent / "samples" / "000_efdb9537e2f129eb.txt").read_text(encoding="utf-8")
    events = [(e["cameo"], e["trigger"], e["source_codes"], e["target_codes"]) for e in analyze(text)["events"]]
    for expected in [("04", "لقاء", ["USAGOV", "KORGOV"], []),
                     ("04", "ناقش", ["USAGOV", "KORGOV"], ["PRK"]),
                     ("11", "أدانا", ["USAGOV", "KORGOV"], ["PRK"]),
                     ("07", "تقديم", ["PRK"], ["RUS"]),
                     ("19", "حربها", ["RUS"], ["UKR"]),
                     ("05", "شكر", ["USAGOV"], ["KORGOV"]),
                     ("03", "تعهدت", ["USA", "KOR"], []),
                     ("03", "التزمت", ["USA", "KOR"], ["PRK"])]:
        assert expected in events
    assert any(cameo == "04" and trigger == "حوار" for cameo, trigger, _, _ in events)
    assert len(events) <= 16  # a few more than the specification's nine, all of them real actions


def test_who_announces_an_action_made_it(analyze):
    record = analyze("أعلنت وزارة الداخلية التونسية اعتقال شخصين في القصرين.")
    arrest = only([e for e in record["events"] if e["cameo"] == "17"])
    assert arrest["source_codes"] == ["TUNGOV"]


def test_an_attack_by_a_state_is_military_force_and_by_others_an_assault(analyze):
    assert only(analyze("وهاجمت فرنسا مواقع للنظام.")["events"])["cameo"] == "19"
    assert only(analyze("وهاجم مسلحون مركزا للشرطة.")["events"])["cameo"] == "18"


def test_a_bare_title_as_speaker_is_the_person_given_that_title(analyze):
    record = analyze("واستقبل الرئيس الفرنسي إيمانويل ماكرون الوفد. وقال الرئيس إن فرنسا لن تنسحب.")
    statement = only([s for s in record["statements"] if s["cue"] == "قال"])
    assert statement["speakers"] == ids(record, "person:ايمانويل ماكرون")


def test_an_adverb_is_no_speaker_and_a_prepositional_phrase_ends_one(analyze):
    assert only(analyze("وأكدوا الآن أن القطعة قديمة.")["statements"])["speaker_text"] is None
    statement = only(analyze("وقال والدها لموقع إخباري إن ابنته وجدتها.")["statements"])
    assert statement["speaker_text"] == "والدها"


def test_a_quote_inside_the_speakers_apposition_is_not_the_content(analyze):
    statement = only(analyze('وقال كيفن واتكينز، رئيس منظمة "أنقذوا الأطفال"، إن التجويع جريمة.')["statements"])
    assert statement["content"] == "التجويع جريمة" and statement["kind"] == "indirect"


def test_an_ambassador_in_a_country_then_a_comma_then_the_name(analyze):
    record = analyze("بل لمّح السفير الروسي في بريطانيا، أكساندر ياكوفينكو، إلى أن الأدلة ضعيفة.")
    statement = only(record["statements"])
    assert statement["speakers"] == ids(record, "person:اكساندر ياكوفينكو")


def test_participants_no_actor_stands_for_keep_their_words(analyze):
    event = only(analyze("واعتقلت الشرطة ثلاثة أشخاص يشتبه في تورطهم.")["events"])
    assert event["sources"] == [] and event["source_text"] == "الشرطة"
    assert event["targets"] == [] and event["target_text"] == "ثلاثة أشخاص"


def test_participant_words_are_left_out_when_actors_stand_for_them(analyze):
    event = only([e for e in analyze("وأدان وزير الخارجية الأمريكي أنتوني بلينكن كوريا الشمالية.")["events"]
                  if e["cameo"] == "11"])
    assert event["source_text"] is None and event["target_text"] is None


def test_one_verb_opens_the_event_its_object_names(analyze):
    veto = [e for e in analyze("وتهدد واشنطن باستخدام الفيتو ضد مشروع القرار.")["events"] if e["cameo"] == "12"]
    assert len(veto) == 1 and veto[0]["hypothetical"] is True
    force = [e for e in analyze("ونددت المنظمة باستخدام إسرائيل القوة المفرطة.")["events"] if e["cameo"] == "18"]
    assert len(force) == 1 and force[0]["source_codes"] == ["ISR"]
    assert analyze("وأعلنت الشركة استخدام تقنية جديدة.")["events"] == []


def test_an_adjective_or_a_pronoun_after_the_trigger_is_no_target(analyze):
    for text in ("وبدأ المغني زيارة خاطفة إلى القاهرة.", "والتقى به في المطار."):
        event = only(analyze(text)["events"])
        assert event["targets"] == [] and event["target_text"] is None


def test_a_cue_that_is_also_an_adjective_needs_an_introducer(analyze):
    assert analyze("قتل عنصران في قصف استهدف موقع تدريب تابع لها شمال غزة.")["statements"] == []
    assert analyze("ورد الجيش بإطلاق النار على المسلحين.")["statements"] == []
    assert only(analyze("وتابع الوزير: سنواصل العمل.")["statements"])["kind"] == "direct"


def test_a_country_adjective_after_a_noun_of_force_names_who_used_it(analyze):
    shelling = only([e for e in analyze("قتل عنصران في قصف مدفعي إسرائيلي على موقع تدريب.")["events"]
                     if e["trigger"] == "قصف مدفعي"])
    assert shelling["source_codes"] == ["ISR"]
    poisoning = only(analyze("وأثار تسميم العميل الروسي السابق غضبا واسعا.")["events"])
    assert poisoning["sources"] == []


def test_the_source_of_an_attribution_may_come_a_few_words_on(analyze):
    record = analyze("كان هناك 1460 حالة خلال العام، وفقا لبيانات الأمم المتحدة.")
    statement = only(record["statements"])
    assert statement["speakers"] == ids(record, "org:un") and statement["content"] == "كان هناك 1460 حالة خلال العام"


def test_a_document_that_says_something_is_a_source_that_keeps_its_words(analyze):
    statement = only(analyze("وجاء في المرسوم الملكي أنه يفتح باب الترشيح للانتخابات.")["statements"])
    assert statement["speakers"] == [] and statement["speaker_text"] == "المرسوم الملكي"
    assert analyze("وجاء في المرتبة الثانية بعد المنتخب الألماني في التصنيف.")["statements"] == []


def test_as_per_is_no_attribution_unless_a_source_is_named(analyze):
    assert analyze("وتتغير الأسعار حسب الحاجة في كل موسم من المواسم.")["statements"] == []
    statement = only(analyze("وقتل خمسة أشخاص في الهجوم، بحسب مصادر أمنية.")["statements"])
    assert statement["speaker_text"] == "مصادر أمنية"


@pytest.mark.parametrize("text", ["ويعتبر المشروع الأكبر في المنطقة.", "ويبلغ عدد السكان خمسة ملايين نسمة.",
                                  "ويعد المشروع من أكبر المشاريع."])
def test_ambiguous_imperfect_cues_say_something_only_before_an_introducer(analyze, text):
    assert analyze(text)["statements"] == []


def test_an_opinion_verb_with_an_introducer_or_a_perfect_object_is_a_statement(analyze):
    assert only(analyze("ويعتبر الوزير أن القرار صائب.")["statements"])["content"] == "القرار صائب"
    assert only(analyze("واعتبر الوزير القرار خطوة مهمة.")["statements"])["content"] == "القرار خطوة مهمة"


def test_the_seed_articles_statements_are_those_of_the_specification(analyze):
    from pathlib import Path
    text = (Path(__file__).resolve().parent.parent / "samples" / "000_efdb9537e2f129eb.txt").read_text(encoding="utf-8")
    record = analyze(text)
    names = {a["id"]: a["name"] for a in record["actors"]}
    statements = [(s["cue"], sorted(names[i] for i in s["speakers"])) for s in record["statements"]]
    us, kr = "الولايات المتحدة", "كوريا الجنوبية"
    for expected in [("أكدت", sorted([us, kr])), ("شدد", ["أنتوني بلينكن"]), ("أكد", [us]),
                     ("اعترف", sorted([us, kr])), ("شدد", sorted([us, kr]))]:
        assert expected in statements


def test_a_stop_verb_halts_what_follows_it_and_arrests_a_person(analyze):
    halt = only(analyze("وأوقفت الحكومة المساعدات المالية للبلدية.")["events"])
    assert (halt["cameo"], halt["type"]) == ("16", "suspend")
    arrest = only(analyze("وأوقفت السلطات رجلا يحمل سكينا قرب السفارة.")["events"])
    assert (arrest["cameo"], arrest["type"]) == ("17", "arrest")


def test_a_killing_is_an_assault_whoever_kills(analyze):
    assert only(analyze("وقتلت الشرطة المهاجم في موقف السيارات.")["events"])["cameo"] == "18"
    assert only(analyze("وقتل الجيش الفرنسي ثلاثة مسلحين.")["events"])["cameo"] == "18"


def test_sanctions_are_coercion(analyze):
    event = only(analyze("وفرضت الولايات المتحدة عقوبات على إيران.")["events"])
    assert event["cameo"] == "17" and event["target_codes"] == ["IRN"]


def test_closing_a_strait_is_a_blockade_and_closing_a_shop_a_sanction(analyze):
    threat, blockade = analyze("وهددت إيران بإغلاق مضيق هرمز.")["events"]
    assert threat["cameo"] == "13" and (blockade["cameo"], blockade["hypothetical"]) == ("19", True)
    assert only(analyze("وأغلقت البلدية المطعم المخالف.")["events"])["cameo"] == "17"


def test_strike_needs_a_military_target(analyze):
    strike = only(analyze("وضربت إسرائيل مواقع لحماس في القطاع.")["events"])
    assert strike["cameo"] == "19" and strike["source_codes"] == ["ISR"]
    assert analyze("وضرب المدرب مثالا على الانضباط.")["events"] == []


def test_bringing_in_weapons_is_military_aid_and_bringing_in_goods_is_not(analyze):
    event = only(analyze("وحاولت إيران إدخال أسلحة إلى سوريا.")["events"])
    assert event["cameo"] == "07" and event["hypothetical"] is True
    assert analyze("وقررت الوزارة إدخال مادة جديدة إلى المناهج.")["events"] == []


def test_monitoring_and_consenting_are_events(analyze):
    assert only(analyze("وتراقب الولايات المتحدة التحركات الإيرانية.")["events"])["cameo"] == "09"
    assert only(analyze("ووافقت الحكومة السورية على إجلاء المدنيين.")["events"])["cameo"] == "03"


def test_the_object_a_verb_requires_is_no_second_event(analyze):
    assert [e["cameo"] for e in analyze("وتهدد واشنطن باستخدام الفيتو ضد مشروع القرار.")["events"]] == ["13", "12"]


def test_riot_police_are_no_riot(analyze):
    assert analyze("وانتشرت قوات مكافحة الشغب في الشوارع.")["events"] == []


def test_a_threat_with_a_verbal_noun_is_an_event_not_a_statement(analyze):
    record = analyze("وهددت إيران بإغلاق مضيق هرمز.")
    assert record["statements"] == [] and record["events"]
    assert only(analyze("وهدد الوزير بأن بلاده سترد بقوة.")["statements"])["content"] == "بلاده سترد بقوة"


def test_an_impersonal_form_before_an_is_nobody_speaking(analyze):
    record = analyze("ويذكر أن الانتخابات أجريت في موعدها.")
    assert record["statements"] == []
    assert analyze("ويتوقع أن يتم التصويت على القرار يوم الجمعة.")["statements"] == []


def test_an_adverbial_after_the_cue_is_no_content_and_the_content_may_follow_it(analyze):
    assert analyze("وأعلن وزير الداخلية الفرنسي جيرالد دارمانان في مؤتمر صحافي.")["statements"] == []
    statement = only(analyze("وقال الوزير في تصريحات لصحيفة محلية، الخميس، إن الحكومة ستستقيل.")["statements"])
    assert statement["content"] == "الحكومة ستستقيل"
    statement = only(analyze("ولكنها تنفي في الوقت ذاته استهداف مدنيين في غاراتها.")["statements"])
    assert statement["content"].startswith("استهداف مدنيين")


def test_naql_without_an_is_moving_not_quoting(analyze):
    assert analyze("ونقلت الشرطة المصاب إلى مستشفى محلي.")["statements"] == []
    statement = only(analyze("ونقلت وكالة رويترز عن مسؤول قوله إن المحادثات توقفت.")["statements"])
    assert "المحادثات توقفت" in statement["content"]


def test_a_definite_head_as_speaker_is_the_body_last_named_with_it(analyze):
    record = analyze("وأصدرت وزارة الصحة المصرية تعليمات جديدة للمستشفيات. ودعت الوزارة المواطنين إلى التطعيم.")
    statement = only(record["statements"])
    ministry = next(a for a in record["actors"] if a["type"] == "organization")
    assert statement["speakers"] == [ministry["id"]] and statement["speaker_text"] == "الوزارة"


def test_a_phrase_joined_by_wa_after_a_verb_is_not_its_subject(analyze):
    record = analyze("وقال السفير رياض منصور إنه سيلتقي والمندوب السعودي عبد الله المعلمي رئيس المجلس. "
                     "وأكد أن ما حدث جريمة.")
    speakers = [s["speakers"] for s in record["statements"]]
    mansour = next(a["id"] for a in record["actors"] if a["name"].endswith("منصور"))
    assert speakers == [[mansour], [mansour]]


def test_a_cue_after_a_relative_pronoun_is_spoken_by_the_person_before_it(analyze):
    record = analyze("والتقى المراسل فتحي بسباس، نائب رئيس نادي الأجيال، الذي أكد أهمية التظاهرة الرمضانية. "
                     "وقال إنه تم الاتصال بجميع العائلات.")
    person = next(a["id"] for a in record["actors"] if a["name"] == "فتحي بسباس")
    assert [s["speakers"] for s in record["statements"]] == [[person], [person]]
    assert analyze("ودان الهجوم الذي استهدف السفارة.")["statements"] == []


def test_a_participle_of_the_faail_pattern_continues_the_subject_and_ends_the_content(analyze):
    record = analyze('وقال السفير غلام خوشرو إن الاتهامات باطلة. وتابع قائلا: "لا أساس لها" مطالبا السعودية '
                     'بوقف سياساتها، داعيا الأطراف إلى الحوار.')
    cues = [s["cue"] for s in record["statements"]]
    assert cues == ["قال", "تابع", "مطالبا", "داعيا"]  # «تابع قائلا» is one statement
    demand = next(s for s in record["statements"] if s["cue"] == "مطالبا")
    assert demand["content"] == "السعودية بوقف سياساتها"


def test_the_action_called_for_is_hypothetical(analyze):
    record = analyze("ودعا الأمين العام الطرفين إلى الحوار.")
    dialogue = next(e for e in record["events"] if e["cameo"] == "04")
    assert dialogue["hypothetical"] is True


def test_the_pronoun_on_an_introducer_is_the_subject_of_the_verb_after_it(analyze):
    record = analyze("وقالت روسيا إنها تساعد دمشق في مواجهة الجماعات المسلحة.")
    help_ = only([e for e in record["events"] if e["cameo"] == "07"])
    assert help_["source_codes"] == ["RUS"] and help_["target_codes"] == ["SYR"]


def test_the_noun_of_support_is_a_topic(analyze):
    assert [e for e in analyze("وشدد الوزير على أهمية دعم أوكرانيا.")["events"] if e["cameo"] == "05"] == []


def test_a_long_apposition_and_adverbials_may_stand_between_speaker_and_content(analyze):
    statement = only(analyze("وقال يوسف المحمود، الناطق باسم الحكومة الفلسطينية في حديث لإذاعة صوت فلسطين "
                             "الرسمية، صباح اليوم، إن الوفد يضم عددا من الوزراء.")["statements"])
    assert statement["content"] == "الوفد يضم عددا من الوزراء"


def test_the_verb_inside_an_attribution_phrase_is_part_of_it(analyze):
    statement = only(analyze("ويتزامن وصول الوفد مع زيارة وفد أمني، بحسب ما أعلن عنه عزام الأحمد "
                             "مسؤول ملف المصالحة.")["statements"])
    assert statement["speaker_text"] == "عزام الأحمد"


def test_who_decides_or_orders_an_action_does_it(analyze):
    record = analyze("وقررت النيابة العامة المصرية حبس المتهمين أربعة أيام.")
    event = only(record["events"])
    prosecution = next(a["id"] for a in record["actors"] if a["type"] == "organization")
    assert event["sources"] == [prosecution]


def test_the_possessor_of_a_noun_of_coercion_or_violence_is_the_one_acted_on(analyze):
    record = analyze("وأعلنت وزارة الداخلية اعتقال المعارض أحمد ماهر.")
    arrest = only(record["events"])
    ministry, person = (next(a["id"] for a in record["actors"] if a["type"] == kind)
                        for kind in ("organization", "person"))
    assert arrest["sources"] == [ministry] and arrest["targets"] == [person]
    visit = only(analyze("وتأتي زيارة وزير الخارجية الأمريكي أنتوني بلينكن إلى سول.")["events"])
    assert visit["source_codes"] == ["USAGOV"]


def test_help_needs_someone_helped(analyze):
    assert analyze("وهي مرافق جيدة تساعد على أداء التدريبات بشكل رائع.")["events"] == []
    assert only(analyze("وساعدت روسيا الحكومة السورية.")["events"])["source_codes"] == ["RUS"]


def test_a_device_is_no_event_and_a_crowd_no_mobilisation(analyze):
    assert analyze("وعثرت الشرطة على عبوة ناسفة قرب المدرسة.")["events"] == []
    assert [e["cameo"] for e in analyze("ودهست شاحنة حشدا من المارة.")["events"]] == ["18"]


def test_deaths_in_the_sentence_of_their_attack_are_its_outcome(analyze):
    events = analyze("وقتل ثلاثة أشخاص في غارة جوية إسرائيلية على غزة.")["events"]
    assert [(e["cameo"], e["type"]) for e in events] == [("19", "airstrike")]
    assert [e["id"] for e in events] == ["E1"]
    assert len(analyze("وقتلت الشرطة المهاجم.")["events"]) == 1


def test_a_bare_title_phrase_is_the_person_given_that_title(analyze):
    record = analyze("وزير الداخلية الفرنسي يعلن إفشال اعتداء\n\n"
                     "قال وزير الداخلية الفرنسي جيرار كولومب إنه تم إفشال محاولة اعتداء. "
                     "وأضاف الوزير أن المشتبه بهما شقيقان. وقال رئيس الوزراء إدوار فيليب إن الخطر قائم.")
    colomb = next(a["id"] for a in record["actors"] if a["name"] == "جيرار كولومب")
    speakers = {s["cue"]: s["speakers"] for s in record["statements"]}
    assert speakers["يعلن"] == [colomb]      # the headline, before the name is given
    assert speakers["أضاف"] == [colomb]


def test_a_title_with_a_country_is_that_countrys_only_person_when_no_one_has_the_title(analyze):
    record = analyze("استقبل إيمانويل ماكرون وفدا من رجال الأعمال. وقال الرئيس الفرنسي إن فرنسا تريد استثمارات جديدة.")
    macron = next(a["id"] for a in record["actors"] if a["name"] == "إيمانويل ماكرون")
    assert only(record["statements"])["speakers"] == [macron]


def test_each_continuation_keeps_the_speaker_near(analyze):
    record = analyze('قال أنور قرقاش إن بلاده لها مواقف ثابتة. جاء ذلك في تغريدات، حيث قال: "زيارة ممتازة". '
                     'وتابع قائلا: "قضايا المنطقة تحظى باهتمام". وأضاف: "الموقف الثابت هو سياستنا".')
    gargash = next(a["id"] for a in record["actors"] if a["name"] == "أنور قرقاش")
    assert [s["speakers"] for s in record["statements"]] == [[gargash]] * 4


def test_a_definite_head_no_list_names_is_the_body_last_named_with_it(analyze):
    record = analyze("أعلن تحالف دعم الشرعية في اليمن إفراج الحوثيين عن سفينة. وأشار التحالف إلى وجود أربع سفن في الميناء.")
    speakers = [s["speakers"] for s in record["statements"] if s["cue"] == "أشار"]
    coalition = next(a["id"] for a in record["actors"] if a["type"] == "organization" and "تحالف" in a["name"])
    assert speakers == [[coalition]]


def test_a_quoted_word_inside_the_clause_marks_a_term_not_the_speakers_words(analyze):
    statement = only(analyze('وأعلن الجيش التركي "تحرير" 4 قرى في عفرين.')["statements"])
    assert statement["content"] == '"تحرير" 4 قرى في عفرين' and statement["kind"] == "indirect"
    assert only(analyze('وقال بلينكن: "لا".')["statements"])["kind"] == "direct"


@pytest.mark.parametrize("text, cue", [
    ('وكتبت الصحفية سحر النادي: "المحكمة برأت الطفل".', "كتبت"),
    ('وغرد الناشط أحمد مختار قائلا: "هذا غير مقبول".', "غرد"),
    ("وتستبعد الشرطة أن يكون الحادث عملا إرهابيا.", "تستبعد"),
    ("وجادل المعارضون بأن من الخطأ مكافأة المسؤول.", "جادل"),
    ("وحث الأمير الجميع على تقديم المزيد.", "حث"),
])
def test_writing_tweeting_ruling_out_arguing_and_urging_are_cues(analyze, text, cue):
    assert cue in [s["cue"] for s in analyze(text)["statements"]]


def test_books_are_no_writing(analyze):
    assert analyze("وقرأ الطلاب كتب التاريخ.")["statements"] == []


def test_an_agreement_reached_is_an_event_and_the_treaty_talked_about_is_not(analyze):
    assert [e["cameo"] for e in analyze("وأعلن الطرفان التوصل بموجب اتفاق بين الحكومة والمعارضة.")["events"]] == ["03"]
    assert analyze("وأعلنت الحكومة تفاصيل الاتفاق النووي.")["events"] == []


def test_holding_ground_is_a_state_and_taking_it_an_event(analyze):
    assert analyze("وتقدمت القوات نحو المناطق التي تسيطر على معظمها الفصائل.")["events"] == []
    assert [e["cameo"] for e in analyze("وسيطرت القوات الحكومية على البلدة.")["events"]] == ["19"]


def test_lam_after_a_noun_of_force_names_whose_force_it_is_and_the_dead_are_its_targets(analyze):
    record = analyze("وقتل 27 مدنيا في غارات جوية للنظام السوري على الغوطة.")
    strike = only(record["events"])
    regime = next(a["id"] for a in record["actors"] if a["name"].startswith("النظام"))
    assert strike["sources"] == [regime] and strike["target_text"] == "27 مدنيا"


def test_a_number_begins_an_object(analyze):
    assert analyze("إيقاف 39 شخصا بتهمة الإرهاب")["events"][0]["target_text"] == "39 شخصا"


def test_shooting_down_intercepting_and_destroying_need_a_military_object(analyze):
    assert [e["cameo"] for e in analyze("واعترضت الدفاعات الجوية السعودية صاروخين أطلقا نحو جازان.")["events"]][:1] == ["19"]
    assert analyze("واعترض النائب على القانون الجديد.")["events"] == []


@pytest.mark.parametrize("text, cue, content", [
    ('وقال السفير إن الاتهامات تهدف إلى ما وصفه بـ"حرف الأنظار عن الجرائم".', "وصفه", "حرف الأنظار عن الجرائم"),
    ("واتهمه السيناتور جون ماكين بالتقاعس عن التمسك بالقيم.", "اتهمه", "بالتقاعس عن التمسك بالقيم"),
    ("وينص الاتفاق على بناء أربع وحدات.", "ينص", "بناء أربع وحدات"),
    ("وطلبت الحكومة من الأمين العام إعادة تنظيم المكتب.", "طلبت", "الأمين العام إعادة تنظيم المكتب"),
    ("وتنفي حماس ذلك.", "تنفي", "ذلك"),
])
def test_more_statement_forms(analyze, text, cue, content):
    statement = next(s for s in analyze(text)["statements"] if s["cue"] == cue)
    assert statement["content"].strip('"') == content


def test_an_agency_named_by_a_frequent_word_is_still_a_speaker(analyze):
    assert only(analyze("ونقلت وكالة أنباء الأناضول أن القرى هي بافليون.")["statements"])["speaker_text"] \
        == "وكالة أنباء الأناضول"
    assert analyze("وطلب الطالب كتابا جديدا.")["statements"] == []


def test_a_document_before_its_verb_is_the_subject_and_the_actor_after_the_object(analyze):
    record = analyze("وقال السفير إن مشروع القرار يطالب إسرائيل بوقف استخدام القوة المفرطة.")
    demand = next(e for e in record["events"] if e["cameo"] == "10")
    assert demand["sources"] == [] and demand["source_text"] == "مشروع القرار" and demand["target_codes"] == ["ISR"]


def test_live_ammunition_in_the_plural_is_force(analyze):
    assert [e["cameo"] for e in analyze("ودعت إلى تحقيق في استخدام القوات ذخائر حية.")["events"]][-1:] == ["18"]


def test_the_source_quoted_after_naql_an_is_the_speaker(analyze):
    record = analyze("ونقلت وكالة رويترز عن وزير الخارجية الروسي سيرغي لافروف قوله إن المحادثات مستمرة.")
    statement = only(record["statements"])
    lavrov = next(a["id"] for a in record["actors"] if a["name"] == "سيرغي لافروف")
    assert statement["speakers"] == [lavrov] and statement["content"] == "المحادثات مستمرة"
    statement = only(analyze("ونقل البيان عن مصدر عسكري أن وحدات من الجيش توغلت.")["statements"])
    assert statement["speaker_text"] == "مصدر عسكري"


def test_an_unnamed_source_keeps_the_words_it_was_introduced_with(analyze):
    record = analyze("وقال مصدر عسكري إن القوات تقدمت. وأكد المصدر أن المعارك مستمرة.")
    assert [s["speaker_text"] for s in record["statements"]] == ["مصدر عسكري", "مصدر عسكري"]


def test_a_bare_title_before_qad_is_the_titled_person(analyze):
    record = analyze("وقال الرئيس الأميركي دونالد ترامب إنه سيرد. وكان الرئيس الأميركي قد حذر روسيا من أن الرد قادم.")
    trump = next(a["id"] for a in record["actors"] if a["name"] == "دونالد ترامب")
    assert [s["speakers"] for s in record["statements"]] == [[trump], [trump]]


def test_the_source_quoted_goes_on_speaking(analyze):
    record = analyze("ونقل البيان عن مصدر عسكري أن وحدات من الجيش توغلت. وأضاف أن المعارك مستمرة.")
    assert [s["speaker_text"] for s in record["statements"]] == ["مصدر عسكري", "مصدر عسكري"]


def test_passing_a_law_or_an_application_says_nothing(analyze):
    assert analyze("وأقر مجلس النواب المصري قانونا يسمح للأجانب بالتجنس.")["statements"] == []
    assert analyze("ويحق للأجنبي طلب التجنس إذا توفرت الشروط.")["statements"] == []


def test_an_attribution_source_behind_lam_is_the_body_not_its_adjective(analyze):
    record = analyze("وقتل عشرة أشخاص، وفقا لوزارة الصحة الفلسطينية.")
    statement = only(record["statements"])
    assert statement["speaker_text"] == "وزارة الصحة الفلسطينية"
    assert [a["type"] for a in record["actors"] if a["id"] in statement["speakers"]] == ["organization"]


def test_fighting_goes_on_is_no_contact(analyze):
    assert [e for e in analyze("وتتواصل المعارك في المدينة.")["events"] if e["cameo"] == "04"] == []


def test_a_title_then_a_comma_then_the_name_is_that_person(analyze):
    record = analyze("قال الداعية الإسلامي، عدنان إبراهيم، إن من حق الدول منع ما تشاء. وتابع قائلا: إن القرار رسمي.")
    person = next(a["id"] for a in record["actors"] if a["name"] == "عدنان إبراهيم")
    assert [s["speakers"] for s in record["statements"]] == [[person], [person]]


def test_a_bare_title_after_laqad_is_the_titled_person(analyze):
    record = analyze('وقال الرئيس الأميركي دونالد ترمب إن الهجوم لن يمر. وقالت المتحدثة: "لقد شدد الرئيس على أن الرد قادم".')
    trump = next(a["id"] for a in record["actors"] if a["name"] == "دونالد ترمب")
    assert next(s for s in record["statements"] if s["cue"] == "شدد")["speakers"] == [trump]


def test_a_sentence_that_opens_with_actors_has_them_as_subject(analyze):
    record = analyze("بريطانيا وفرنسا تطالبان إيران بوقف التصعيد في اليمن")
    demand = next(e for e in record["events"] if e["cameo"] == "10")
    assert demand["source_codes"] == ["GBR", "FRA"] and demand["target_codes"] == ["IRN"]


def test_a_body_named_after_what_it_does_is_no_event(analyze):
    assert [e for e in analyze("وشارك مسؤولون من وزارة التعاون الدولي.")["events"] if e["cameo"] == "06"] == []


def test_a_verb_after_qabla_an_keeps_the_sentences_subject(analyze):
    record = analyze("والتقى مايك بومبيو وزير الخارجية السعودي عادل الجبير قبل أن يلتقي الأمير محمد بن سلمان.")
    pompeo, prince = (next(a["id"] for a in record["actors"] if a["name"] == name)
                      for name in ("مايك بومبيو", "محمد بن سلمان"))
    second = record["events"][1]
    assert second["sources"] == [pompeo] and second["targets"] == [prince]


def test_a_cultural_tazahura_is_a_festival_not_a_protest(analyze):
    assert analyze("وتنطلق غدا تظاهرة ثقافية في مدينة سوسة.")["events"] == []
    assert [e["cameo"] for e in analyze("وخرجت تظاهرة حاشدة في العاصمة.")["events"]] == ["14"]


def test_polls_that_indicate_are_the_speaker(analyze):
    record = analyze("وقال المحلل نبيل بالعم إن المناظرة مهمة. وأضاف أن استطلاعات الرأي تشير إلى أسبقية ماكرون.")
    assert next(s for s in record["statements"] if s["cue"] == "تشير")["speaker_text"] == "استطلاعات الرأي"


def test_a_statement_still_to_come_is_none_yet(analyze):
    record = analyze("وكشف تشونغ مون جون أنه سيعلن ترشحه رسميا الأسبوع المقبل.")
    assert [s["cue"] for s in record["statements"]] == ["كشف"]


def test_a_short_participle_listed_in_the_lexicon_takes_the_main_subject(analyze):
    record = analyze("وأشاد الأمير فيصل بن خالد بجهود الغرفة التجارية، حاثا الجميع على تقديم المزيد.")
    prince = next(a["id"] for a in record["actors"] if a["name"].startswith("فيصل"))
    assert next(s for s in record["statements"] if s["cue"] == "حاثا")["speakers"] == [prince]


@pytest.mark.parametrize("text, cameo", [
    ("وهنأ الملك الرئيس الفرنسي بفوزه.", "05"),
    ("وتراجعت الحكومة عن قرار رفع الأسعار.", "08"),
    ("وأخلت النيابة سبيل الصحفي.", "08"),
    ("ووبخ السيناتور الرئيس بسبب تصريحاته.", "11"),
    ("وعارضت فرنسا مشروع القرار.", "12"),
    ("وحذرت الأمم المتحدة من كارثة إنسانية.", "13"),
    ("وقطع المحتجون الطريق أمام الشاحنات.", "14"),
    ("وأرسلت تركيا تعزيزات عسكرية إلى الحدود.", "15"),
    ("وحكمت المحكمة على المتهم بالسجن عشر سنوات.", "17"),
    ("واستعاد الجيش السيطرة على المدينة.", "19"),
    ("ووقعت الحكومة والمعارضة اتفاقية سلام.", "03"),
    ("وأوقفت الشرطة 39 شخصا بتهمة الإرهاب.", "17"),
    ("وأعلنت الشرطة إيقاف 39 شخصا بتهمة الإرهاب.", "17"),
    ("ونددت فرنسا بالهجوم الكيماوي على دوما.", "20"),
    ("واستدعت تركيا سفيريها في واشنطن وتل أبيب.", "16"),
    ("وأجرى الوفدان مشاورات في جنيف.", "04"),
    ("وأحبطت الشرطة الفرنسية هجوما.", "17"),
    ("وبرأت المحكمة الدبلوماسي الفرنسي.", "08"),
    ("ودهست شاحنة المارة في وسط المدينة.", "18"),
    ("وتنسق الأجهزة الأمنية مع الجيش.", "06"),
    ("وقدمت السعودية للمستشفى أدوية ومعدات طبية.", "07"),
    ("وتواصل الرئيس مع نظيره الفرنسي.", "04"),
    ("وأغلقت روسيا القنصلية الأمريكية في سان بطرسبرغ.", "16"),
    ("وأغلقت البلدية المطعم.", "17"),
    ("وألقت بريطانيا باللائمة على روسيا.", "11"),
    ("وهاجم دونالد ترامب روسيا بسبب دعمها للأسد.", "11"),
])
def test_each_way_of_acting_gets_its_cameo_code(analyze, text, cameo):
    """Triggers of every root, with their object, doer or subject between verb and object where it matters."""
    assert cameo in [e["cameo"] for e in analyze(text)["events"]]
