"""Blind English held-out set C: gold annotations written by hand from
/work/shared/eval/ANNOTATION.md and the English dev gold, before the tool was
run on these texts.  Run:  python3 gold_src.py   -> writes NAME.json next to
each NAME.txt, after checking every string against the text.

Annotations are given as strings (content / cue / speaker, plus the 1-based
occurrence of the content where it occurs more than once).  The checks:
every content, cue, speaker, alias, optional and not_quote string is in the
text; `occurrence` is present exactly when the content is ambiguous and
points to an existing occurrence; the cue and speaker occur near the content
(within 400 characters); entity ids exist; direct contents are enclosed by
quotation marks; mixed contents contain quotation marks and indirect ones
do not.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
VOA_PD = ("Public domain: produced by Voice of America, a U.S. federal government "
          "broadcaster (17 U.S.C. 105); VOA's terms of use state that material "
          "produced exclusively by VOA is in the public domain")
QUOTES = '"\u201c\u201d\'\u2018\u2019'


def E(name, type_, *aliases):
    return {"name": name, "type": type_, "aliases": list(aliases)}


def A(type_, content, cue, speaker, entity, occ=None):
    d = {"type": type_, "content": content, "cue": cue,
         "speaker": speaker, "entity": entity}
    if occ:
        d["occurrence"] = occ
    return d


def O(content, why, speaker=None, entity=None):
    d = {"content": content, "why": why}
    if speaker is not None or entity is not None:
        d["speaker"] = speaker
        d["entity"] = entity
    return d


def M(date, source, outlet="Voice of America (voanews.com)", via=None, note=None):
    m = {"date": date, "outlet": outlet, "source": source, "license": VOA_PD}
    if via:
        m["retrieved_from"] = via
    if note:
        m["note"] = note
    return m


DOCS = {}
# ---------------------------------------------------------------- annotations
DOCS['voa01_afgoye_attack'] = dict(
 meta=M("2016-10 (day not given in the retrieved copy; VOA article id 3556564)",
        "http://www.voanews.com/a/shabab-militants-seize-town-west-of-somali-capital/3556564.html",
        note="VOA Somali reporting. Body kept up to the last complete paragraph of the retrieved copy; photo captions dropped."),
 entities={
  "ali": E("Ibrahim Aden Ali", "person", "Ibrahim Aden Ali", "The governor of the Lower Shabelle region", "Ali"),
  "shabab": E("al-Shabab", "group", "Al-Shabab", "al-Shabab"),
 },
 attributions=[
  A("indirect", "Mohamed was killed in a firefight with al-Shabab fighters in his office", "said", "He", "ali"),
  A("indirect", "the militants had loaded a mini-bus with vegetables and other farm produce to disguise the explosives", "said", "Ali", "ali"),
  A("direct", "After the explosion, they attacked three security checkpoints around the town simultaneously,", "said", "he", "ali"),
  A("indirect", "fought off several al-Shabab attacks on his town", "said", "he", "ali"),
  A("direct", "He was a career officer who worked with the previous government, at least 65 years old, a brave, honest officer,", "said", "Ali", "ali"),
  A("mixed", 'killing up to 40 "apostates" in the attack', "claimed", "Al-Shabab", "shabab"),
 ],
 optional=[
  O("the deaths of the officials", "'confirmed the deaths' to VOA: confirmation of a noun phrase, no clause", "Ibrahim Aden Ali", "ali"),
  O("to disrupt upcoming Somali elections", "commitment/threat ('has vowed to'), no statement reported", "Al-Shabab", "shabab"),
 ],
 not_quotes=[])

DOCS['voa02_chad_refugees'] = dict(
 meta=M("2007-12-04", "http://tingroom.com./voastandard/2007/12/50671.html",
        outlet="Voice of America (VOA Standard English; Lisa Schlein, Geneva)",
        note="Copy kept by an English-learning site (tingroom.com); its vocabulary footnote digits (deterioration1, humanitarian2, volatile3) and glossary removed."),
 entities={
  "unhcr": E("UNHCR (U.N. refugee agency)", "organization", "The U.N. refugee agency", "the U.N. refugee agency", "The UNHCR", "UNHCR"),
  "mahecic": E("Andrej Mahecic", "person", "Andrej Mahecic", "UNHCR spokesman", "Mahecic"),
 },
 attributions=[
  A("indirect", "the worsening security situation in eastern Chad is limiting access to refugee camps and leaving thousands of refugees and displaced people feeling extremely vulnerable", "says", "The U.N. refugee agency", "unhcr"),
  A("indirect", "the fighting has taken place north and east of the town of Abeche, which is near its main base of operations for 12 refugee camps", "says", "The UNHCR", "unhcr"),
  A("indirect", "refugees in several of the camps are starting to suffer the consequences of declining security", "says", "Andrej Mahecic", "mahecic"),
  A("direct", "Because of the deterioration of the security situation, they feel less comfortable moving around the sites,", "said", "Mahecic", "mahecic"),
  A("direct", "As you know, often they collect wood for the cooking and heating and also our access has been somewhat limited. As I said, we had limited access to these areas in the past week due to the insecurity in that part of Chad. But, still all the essential services in the camps are running.", "said", "Mahecic", "mahecic"),
  A("indirect", "more than 130 humanitarian aid workers from various organizations were stuck in the town of Hadjer Hadid south-west of Farchana by heavy fighting since November 24", "says", "Mahecic", "mahecic"),
  A("indirect", "they were finally relocated Monday to Abeche", "says", "He", "mahecic"),
  A("indirect", "the volatile situation also has prompted an increase in banditry", "says", "He", "mahecic"),
  A("indirect", "the U.N. refugee agency is continuing to closely monitor the situation", "says", "He", "mahecic"),
 ],
 optional=[],
 not_quotes=[])

DOCS['voa03_mogadishu_ministries'] = dict(
 meta=M("2019-03-23 (inferred from the events reported)", "https://arabpressreleases.qa/al-shabab-attack-in-somali-capital-kills-at-least-10/",
        note="VOA Somali article as republished by arabpressreleases.qa (the VOA original URL was not retrievable here). Body kept up to the last complete paragraph."),
 entities={
  "officials": E("Unnamed Somali officials", "anonymous", "officials"),
  "ambulance": E("Mogadishu's free ambulance service (Aamin Ambulance)", "organization", "Authorities of Mogadishu’s only free ambulance service"),
  "eyewitnesses": E("Eyewitnesses", "group", "eyewitnesses"),
  "iman": E("Ahmed Mohamed Iman", "person", "Ahmed Mohamed Iman", "director general of Somalia’s Ministry of Public Works and Reconstruction", "Iman"),
  "ahmed": E("Mohamud Abdullahi Ahmed", "person", "Mohamud Abdullahi Ahmed", "Somali lawmaker Mohamud Abdullahi Ahmed", "Somali lawmaker"),
  "shabab": E("al-Shabab", "group", "Al-Shabab militants", "Al-Shabab", "the group"),
 },
 attributions=[
  A("indirect", "at least 10 people were killed, including a deputy minister", "said", "officials", "officials"),
  A("indirect", "they had collected nearly 10 other wounded civilians", "said", "Authorities of Mogadishu’s only free ambulance service", "ambulance"),
  A("indirect", "the attack began when the suicide bomber blew up his explosives-laden car at the front gate of the compound that houses the Labor and Public Works and Reconstruction ministries", "According to", "eyewitnesses", "eyewitnesses"),
  A("direct", "A car bomb hit the main gate of one of the compounds and then extremists armed with assault rifles stormed to the buildings, engaging a fierce battle with security forces,", "told", "Ahmed Mohamed Iman", "iman"),
  A("indirect", "some attackers rampaged through the buildings in an attempt to take some workers hostage, but were shot by the security forces", "said", "Iman", "iman"),
  A("direct", "A huge blast occurred that forced my car to almost fly. Then I saw at least four gunmen in government uniforms storming into the building. I also saw the dead bodies of four civilians and several others wounded, lying along the road,", "said", "Mohamud Abdullahi Ahmed", "ahmed"),
  A("indirect", "the Somali security forces evacuated dozens of government staff members from the buildings immediately after the assault, but during the attack the militants shot Saqar Ibrahim Abdalla, the deputy labor minister, who also was a lawmaker in the Somali Parliament", "said", "He", "ahmed"),
  A("indirect", "the group was behind the attacks and had killed number of government officials", "said", "Al-Shabab militants", "shabab"),
 ],
 optional=[
  O("at least three other, smaller blasts were reported Saturday in different areas in Mogadishu", "agentless passive report ('were reported'), no source"),
 ],
 not_quotes=[])

DOCS['voa04_somalia_retreat'] = dict(
 meta=M("2023-08-28 (inferred from the events reported)", "https://drulap.com/author/druaf/page/77",
        note="VOA Somali article as republished on an aggregator page (drulap.com), second item of that page; the preceding unrelated item, an ad line and the unfinished last paragraph are not kept."),
 entities={
  "two_officials": E("Two unnamed Somali government officials", "anonymous", "Two Somali government officials"),
  "abdimalik": E("Ismail Abdimalik", "person", "Ismail Abdimalik", "Major Ismail Abdimalik", "Somali government commander Major Ismail Abdimalik", "Somali government commander"),
  "security_sources": E("Unnamed security sources", "anonymous", "multiple security sources"),
  "local_official": E("A local official (unnamed)", "anonymous", "A local official"),
 },
 attributions=[
  A("indirect", "government troops retreated from El Dheer, Masagaway, Gal’ad and Budbud", "told", "Two Somali government officials", "two_officials"),
  A("indirect", "troops pulled back from some previously captured areas", "said", "Ismail Abdimalik", "abdimalik"),
  A("direct", "There are small strategic retreats,", "said", "he", "abdimalik"),
  A("indirect", "the two brigades that captured Cowsweyne suffered heavy losses", "said", "multiple security sources", "security_sources"),
  A("mixed", "the attack in Cowsweyne as “painful.”", "described", "A local official", "local_official"),
 ],
 optional=[],
 not_quotes=[])

DOCS['voa05_iran_weapons_jeffrey'] = dict(
 meta=M("2007-06-04", "https://www.insidevoa.com/a/a-13-34-2007-06-04-iran-jeffrey-111606859/178007.html",
        outlet="Voice of America (insidevoa.com, VOA press release)",
        note="Boilerplate paragraph about VOA cut after its first sentence (the retrieved copy ends there)."),
 entities={
  "jeffrey": E("James Jeffrey", "person", "James Jeffrey", "U.S. State Department official James Jeffrey", "U.S. State Department Official", "Jeffrey"),
 },
 attributions=[
  A("indirect", "Iran is providing munitions to militant groups inside of Iraq", "told", "James Jeffrey", "jeffrey"),
  A("direct", "We are sure that Iran is providing explosive charges, very sophisticated ones, modern weapons including rockets and mortars, and other munitions to various groups inside of Iraq and potentially inside Afghanistan as well…the facts are that these shipments are continuing,", "said", "Jeffrey", "jeffrey"),
  A("direct", "These people are not spies…this charge is absurd. It is deeply troubling.", "stated", "Jeffrey", "jeffrey"),
  A("direct", "We're not out for a regime change. We're out for a change in regime behavior,", "said", "Jeffrey", "jeffrey"),
  A("indirect", "the U.S. is not supporting any particular organization", "adding", "Jeffrey", "jeffrey"),
  A("direct", "How Iranians inside and outside of Iran organize to promote freedom, to promote their democratic and political views is an affair for the Iranian people.", "adding", "Jeffrey", "jeffrey"),
  A("mixed", "he (Ahmadinejad) does not take seriously the international community's will to stop Iran's nuclear program, and \"its willingness to take whatever steps are necessary to stop this program. I underline 'to stop this program' and I underline 'whatever steps are necessary'.\"", "commented", "Jeffrey", "jeffrey"),
 ],
 optional=[
  O("Militants' Weapons are from Iran", "headline ('Official Tells VOA ...') repeating the body", "U.S. State Department Official", "jeffrey"),
 ],
 not_quotes=["Roundtable With You"])

DOCS['voa06_who_booster'] = dict(
 meta=M("2022-08-18 (inferred: SAGE met August 11, guidance issued the following Thursday)", "https://liulo.fm/show/voice-of-america-ch60c70e796732871d7af7038f",
        note="VOA episode text as listed by a podcast directory (liulo.fm); kept up to the last complete sentence of the retrieved copy. The mixed straight/curly closing quotation mark is the source's."),
 entities={
  "sage": E("WHO Strategic Advisory Group of Experts on Immunization (SAGE)", "organization",
            "A group of World Health Organization experts", "The Strategic Advisory Group of Experts on Immunization or SAGE", "SAGE", "the group of experts"),
  "cravioto": E("Alejandro Cravioto", "person", "Alejandro Cravioto", "SAGE chairman Alejandro Cravioto", "SAGE chairman", "Cravioto"),
 },
 attributions=[
  A("indirect", "the group recommends a second booster shot for people older than 55 who are considered at highest risk of developing severe disease and in need of hospitalization", "said", "Alejandro Cravioto", "cravioto"),
  A("indirect", "SAGE does not advocate a second booster for the general public, for adults who are generally healthy and do not suffer from severe immunodeficiency", "said", "He", "cravioto"),
  A("direct", "We also include persons with moderate and severe immuno-compromising conditions from, say, 6 months and above,", "said", "Cravioto", "cravioto"),
  A("direct", "And that includes the children and adults with co-morbidities at higher risk of severe disease. We also include pregnant women and health workers.", "said", "Cravioto", "cravioto"),
  A("indirect", "a second booster be given four to six months after the administration of the first", "recommends", "SAGE", "sage"),
  A("indirect", "healthy children and adolescents remain at low risk of severe disease from COVID-19, so there currently is no recommendation for youth groups to be vaccinated", "says", "It", "sage"),
 ],
 optional=[
  O("COVID-19 booster shots for people at the highest risk of severe illness and death", "'is recommending' + noun phrase, no clause", "A group of World Health Organization experts", "sage"),
  O("continued use of the two-dose mRNA COVID-19 vaccines", "'recommends' + noun phrase, no clause", "SAGE", "sage"),
  O("a booster shot for everyone, beginning with those at highest risk", "'advises' + noun phrase, no clause", "the group of experts", "sage"),
 ],
 not_quotes=[])

DOCS['voa07_typhoon_haiyan_radio'] = dict(
 meta=M("2013-11-11", "http://linkengpark.com/voa-news-transcript-videos-week-46-2013/",
        outlet="Voice of America (VOA News radio newscast transcript)",
        note="Newscast transcript as posted by an English-learning blog; one line per radio item as in the copy; kept up to the last complete sentence."),
 entities={
  "local_officials": E("Local officials in the Philippines", "anonymous", "Local officials in the Philippines", "Local officials"),
  "red_cross": E("Philippine Red Cross", "organization", "The Philippine Red Cross"),
  "red_cross_staff": E("Philippine Red Cross staff on the ground", "group", "its people on the ground"),
  "pang": E("Gwendolyn Pang", "person", "Gwendolyn Pang", "Red Cross Secretary-General Gwendolyn Pang", "Red Cross Secretary-General"),
  "aquino": E("Benigno Aquino", "person", "Benigno Aquino", "Philippine President Benigno Aquino", "Philippine President"),
  "un_ocha": E("U.N. Humanitarian Coordinator Office in Manila", "organization", "The U.N. Humanitarian Coordinator Office in Manila"),
  "wfp": E("U.N. World Food Program", "organization", "The U.N. World Food Program"),
  "weather": E("Weather agencies", "organization", "Weather agencies"),
  "us": E("United States (government)", "organization", "The U.S."),
 },
 attributions=[
  A("indirect", "the death toll in a central province that took the brunt of Typhoon Haiyan could reach as high as 10,000", "say", "Local officials in the Philippines", "local_officials"),
  A("indirect", "its people on the ground estimate more than 1,000 people have died there", "says", "The Philippine Red Cross", "red_cross"),
  A("indirect", "more than 1,000 people have died there", "estimate", "its people on the ground", "red_cross_staff"),
  A("indirect", "body bags have been ordered, but right now the priority is getting 45,000 food packs to the families most in need", "says", "Gwendolyn Pang", "pang"),
  A("indirect", "his government’s priority is to deliver relief and medical assistance to survivors and restore power and communications in the isolated areas", "saying", "Benigno Aquino", "aquino"),
  A("mixed", "aid workers have “ramped up critical relief operations,” but that “access remains a key challenge.”", "says", "The U.N. Humanitarian Coordinator Office in Manila", "un_ocha"),
  A("indirect", "it, too, is working with the Philippine government to fly in food, logistics and communications equipment", "says", "The U.N. World Food Program", "wfp"),
  A("indirect", "it’ll make landfall somewhere near northern Vietnam’s border with China early Monday local time", "predicted", "Weather agencies", "weather"),
 ],
 optional=[
  O("no rush to deal in Iran’s nuclear program", "headline item: 'promises' + noun phrase (commitment)", "The U.S.", "us"),
 ],
 not_quotes=[])

DOCS['voa08_russia_probes_capitol'] = dict(
 meta=M("2018-01-11 (inferred from the events reported)", "https://riyadmedia.com/page/638",
        note="VOA article (Capitol Hill) as republished on an aggregator page (riyadmedia.com), first item; the unfinished last paragraph is not kept. The unclosed quotation mark before 'a disgrace.' is the copy's."),
 entities={
  "sanders": E("Sarah Huckabee Sanders", "person", "Sarah Huckabee Sanders", "White House press secretary Sarah Huckabee Sanders", "White House press secretary"),
  "simpson": E("Glenn Simpson (Fusion GPS)", "person", "Glen Simpson", "Fusion GPS co-founder Glen Simpson", "Fusion GPS co-founder"),
  "trump": E("Donald Trump", "person", "Trump", "The president"),
  "democrats": E("Democrats (in Congress)", "group", "Democrats"),
 },
 attributions=[
  A("direct", "There’s been a lot of comments about obstruction of justice, and frankly the only people we’ve seen trying to influence the investigation are former [FBI] director [James] Comey and Democrats in Congress, and that would include Senator Feinstein,", "said", "Sarah Huckabee Sanders", "sanders"),
  A("mixed", "Christopher Steele uncovered “alarming” evidence of collusion between the Kremlin and Trump’s team and informed the FBI of his findings", "said", "Glen Simpson", "simpson"),
  A("mixed", "“Sneaky Dianne Feinstein” for releasing the transcript “in such an underhanded and possibly illegal way, totally without authorization”", "blasting", "Trump", "trump"),
  A("direct", "a disgrace.", "called", "he", "trump"),
  A("mixed", "the Russia probe the “greatest single Witch Hunt in American history”", "called", "The president", "trump"),
  A("mixed", "congressional Republicans to “finally take control” of the investigation", "urged", "The president", "trump"),
  A("indirect", "she was forced to act in the face of mounting Republican efforts to thwart and cut short multiple Russia probes on Capitol Hill", "saying", "Democrats", "democrats"),
 ],
 optional=[
  O("undermining and manipulating investigations that require bipartisan buy-in to succeed", "noun cue 'trading accusations of' with two sources at once (the White House and Democratic lawmakers), gerund content"),
 ],
 not_quotes=[])

DOCS['voa09_wiretap_white_house'] = dict(
 meta=M("2017-03-16 (inferred from the events reported)", "https://yy.chazidian.com/mip/show-235582",
        note="VOA article as kept by an English-learning site (chazidian.com), without headline; kept up to the last complete paragraph."),
 entities={
  "trump": E("Donald Trump", "person", "President Donald Trump", "Trump", "the president"),
  "spicer": E("Sean Spicer", "person", "Spokesman Sean Spicer", "Sean Spicer", "Spicer"),
  "lawmakers": E("Top lawmakers on the House and Senate Intelligence Committees", "group", "top lawmakers on the House and Senate Intelligence Committees"),
  "nunes": E("Devin Nunes", "person", "House Intelligence Chairman Devin Nunes", "Devin Nunes", "Nunes"),
  "burr_warner": E("Senators Richard Burr and Mark Warner (joint statement)", "group",
                   "the two top senators on the Senate Intelligence Committee", "Republican Richard Burr and Democrat Mark Warner", "Richard Burr", "Mark Warner", "Their statement"),
  "ryan": E("Paul Ryan", "person", "House of Representatives Speaker Paul Ryan", "Paul Ryan", "Ryan"),
  "house_intel": E("Top leaders of the House Intelligence Committee", "group", "Top leaders of the House Intelligence Committee"),
 },
 attributions=[
  A("indirect", "former President Barack Obama wiretapped his phones at Trump Tower in New York", "insistence", "President Donald Trump", "trump"),
  A("indirect", "it is true", "keeps insisting", "Trump", "trump"),
  A("indirect", "it never happened", "say", "top lawmakers on the House and Senate Intelligence Committees", "lawmakers"),
  A("mixed", "the journalists of \"mischaracterizing\" what happened in the Senate committee", "accused", "He", "spicer"),
  A("mixed", "reporters of \"cherry picking\" what they choose to cover, and of ignoring House Intelligence Chairman Devin Nunes who said it was \"very possible\" there was surveillance of Trump", "accused", "He", "spicer"),
  A("mixed", "it was \"very possible\" there was surveillance of Trump", "said", "Devin Nunes", "nunes"),
  A("indirect", "he does not believe Trump's phones were tapped", "said", "Nunes", "nunes"),
  A("mixed", "Trump put the word \"wiretap\" in quotes in his original Twitter accusation", "said", "Spicer", "spicer"),
  A("indirect", "that means there was widespread surveillance if not actual phone taps", "said", "Spicer", "spicer"),
  A("direct", "Based on the information available to us, we see no indications that Trump Tower was the subject of surveillance by any element of the United States government either before or after Election Day 2016.", "said", "Republican Richard Burr and Democrat Mark Warner", "burr_warner"),
  A("indirect", "Obama ordered the eavesdropping", "claim", "the president", "trump"),
  A("direct", "We've cleared that up, that we see no evidence of that,", "said", "Ryan", "ryan"),
  A("mixed", "he \"very soon\" will produce evidence of Obama's actions", "told", "Trump", "trump"),
  A("indirect", "Trump's allegation is unfounded", "said", "Top leaders of the House Intelligence Committee", "house_intel"),
  A("mixed", "his administration \"will be submitting things\" to the panel and that he perhaps will be speaking about his claim next week", "said", "the president", "trump"),
  A("direct", "You're going to find some very interesting items coming to the forefront over the next two weeks,", "said", "Trump", "trump"),
 ],
 optional=[
  O("the president's explosive claim March 4 that Obama ordered the eavesdropping", "'dismissed' + noun phrase (rejection of a claim), no clause of Ryan's own", "House of Representatives Speaker Paul Ryan", "ryan"),
 ],
 not_quotes=[])

DOCS['voa10_mekong_newbill'] = dict(
 meta=M("2019-06 (approx., inferred from the neighbouring item of the same page; day not given)", "https://popgazeta.com/media/news/page/282",
        note="VOA Khmer article as republished on an aggregator page (popgazeta.com), first item; the copy runs into a photo caption after 'he added', so the text stops there (no final period)."),
 entities={
  "newbill": E("Michael Newbill", "person", "Michael Newbill", "the U.S. Embassy’s chargé d’affaires", "Newbill", "a U.S. official"),
 },
 attributions=[
  A("mixed", "the actions of “a single nation” in the Mekong region are “worrisome” to both the riverine countries and the U.S.", "said", "Michael Newbill", "newbill"),
  A("direct", "In the last two years, shifting geopolitical dynamics have begun to pose major new challenges,", "said", "Newbill", "newbill"),
  A("direct", "We have seen the growth of debt dependency; disproportionate control over dozens of upstream dams by a single nation; plans to blast and dredge riverbeds,", "added", "he", "newbill"),
 ],
 optional=[
  O("“risks” and “challenges” imposed by approaches to dam building and cross-border riverine practices in the Mekong region",
    "'alluded to China ... regarding' quoted words: topic of speech, no reported clause", "a U.S. official", "newbill"),
 ],
 not_quotes=[])

DOCS['voa11_special_english_2010_05_25'] = dict(
 meta=M("2010-05-25 (the copy gives 'May 25'; year inferred from the events reported)", "https://qa4.lingq.com/sv/l%C3%A4r-dig-engelska-online/courses/38821/may-25-78751",
        outlet="Voice of America (VOA Special English newscast)",
        note="Newscast script as kept by an English-learning site (lingq.com); a navigation mark removed, paragraph breaks added between items; kept up to the last complete sentence."),
 entities={
  "north_korea": E("North Korea (government)", "organization", "North Korea", "The North"),
  "geithner": E("Timothy Geithner", "person", "American Treasury Secretary Timothy Geithner", "Timothy Geithner", "Secretary Geithner", "Mr. Geithner", "Geithner"),
  "usa": E("United States (government)", "organization", "The United States"),
  "us_official": E("A top American (administration) official, unnamed", "anonymous", "A top American official", "The administration official", "The official"),
  "jamaica_officials": E("Officials in Jamaica", "anonymous", "Officials in Jamaica"),
 },
 attributions=[
  A("indirect", "it is ending all relations and communication with South Korea", "says", "North Korea", "north_korea"),
  A("indirect", "it will not talk with South Korean officials while South Korean President Lee Myung-bak is in office", "says", "North Korea", "north_korea"),
  A("indirect", "plans to expel all South Korean officials working at an industrial center in the border town of Kaesong", "announced", "The North", "north_korea"),
  A("indirect", "both sides made progress in settling some of their economic disagreements", "says", "Timothy Geithner", "geithner"),
  A("indirect", "the Chinese government has taken steps to change a policy designed to help companies that develop technology within China", "said", "Geithner", "geithner"),
  A("indirect", "the policy hurts American companies", "says", "The United States", "usa"),
  A("indirect", "the meetings did not completely settle American concerns about Chinese economic policies", "said", "Geithner", "geithner"),
  A("indirect", "both sides will hold more talks on this and other issues in the coming weeks and months", "said", "he", "geithner"),
  A("indirect", "President Obama will deploy up to one thousand two hundred National Guard troops to the border between the United States and Mexico", "says", "A top American official", "us_official"),
  A("indirect", "the move is part of President Obama's plan to secure the southwest border", "said", "The administration official", "us_official"),
  A("indirect", "the extra troops would give immediate support to drug enforcement officials and help with intelligence", "says", "The official", "us_official"),
  A("indirect", "fighting in the capital, Kingston, has killed at least thirty people", "say", "Officials in Jamaica", "jamaica_officials"),
 ],
 optional=[
  O("He is also to ask for an additional five hundred million dollars to fight the illegal drug trade", "continuation of the official's statement without a cue of its own", None, "us_official"),
 ],
 not_quotes=[])

DOCS['voa12_newscast_2015_11_03'] = dict(
 meta=M("2015-11-03", "https://newsamricaa.blogspot.com/search?max-results=11&reverse-paginate=true&updated-max=2015-11-04T08%3A22%3A00-08%3A00",
        outlet="Voice of America (VOA News English newscast, 1900 UTC)",
        note="Newscast script as kept by an English-learning blog (one paragraph, as in the copy); kept up to the last complete sentence."),
 entities={
  "sisi": E("Abdul Fattah al-Sisi", "person", "Egyptian President Abdul Fattah al-Sisi", "Abdul Fattah al-Sisi"),
  "islamic_state": E("Islamic State", "group", "Islamic State insurgents"),
  "residents": E("Residents of Mukalla (Yemen)", "group", "Residents"),
  "kerry": E("John Kerry", "person", "U.S. Secretary of State John Kerry", "John Kerry"),
  "mogherini": E("Federica Mogherini", "person", "European Union foreign policy chief Federica Mogherini", "Federica Mogherini"),
 },
 attributions=[
  A("indirect", "they brought down a Russian jetliner that crashed in the Sinai Peninsula, killing all 224 people aboard", "claims", "Islamic State insurgents", "islamic_state"),
  A("direct", "When there is propaganda that it crashed because of ISIS, this is one way to damage the stability and security of Egypt, including its image.", "said", "He", "sisi"),
  A("indirect", "the area is under the full control of the Egyptian government", "said", "He", "sisi"),
  A("indirect", "the storm submerged cars and knocked out power", "say", "Residents", "residents"),
  A("direct", "We could do more together to help your people develop some of the skill sets necessary in this modern economy.", "said", "He", "kerry"),
  A("indirect", "the U.S. did not want to see a struggle for influence with China and Russia in which one country has to win and others lose", "said", "He", "kerry"),
  A("mixed", "Libyan \"decision makers\" to respond to the needs of their people and do more to protect against the Islamic State group", "called on", "she", "mogherini"),
 ],
 optional=[
  O("as \"propaganda\" claims by Islamic State insurgents", "characterization ('dismissed as \"propaganda\"') whose object is a nested claim; no clause of al-Sisi's own", "Egyptian President Abdul Fattah al-Sisi", "sisi"),
  O("support for boosting Turkmenistan's economic prospects", "'expressed support for' + noun phrase", "U.S. Secretary of State John Kerry", "kerry"),
 ],
 not_quotes=[])

DOCS['voa13_newscast_2016_03_30'] = dict(
 meta=M("2016-03-30 (inferred: Htin Kyaw sworn in; blog page of that date)", "https://newsamricaa.blogspot.com/search?max-results=11&reverse-paginate=true&updated-max=2016-03-30T13%3A01%3A00-07%3A00",
        outlet="Voice of America (VOA News English newscast)",
        note="Newscast script as kept by an English-learning blog (one paragraph, as in the copy); its vocabulary list is not kept. The misplaced closing mark in the Htin Kyaw quote and the comma-terminated Ban quote are the copy's."),
 entities={
  "htin_kyaw": E("Htin Kyaw", "person", "Htin Kyaw", "The new president"),
  "ban": E("Ban Ki-moon", "person", "UN chief Ban Ki-moon", "Ban Ki-moon", "Ban"),
  "soldier": E("A Syrian soldier (unnamed)", "anonymous", "This Syrian soldier"),
 },
 attributions=[
  A("direct", "The new government will implement our democratic constitution, and our constitution will promote national reconciliation and internal peace, adding that it will support the creation of a democratic federal union, and bring better lives to the people.", "says", "He", "htin_kyaw"),
  A("direct", "We are facing the biggest refugee displacement crisis of our time. The world must rise to the challenge. Providing hope means providing pathways for a better future.", None, "Ban Ki-moon", "ban"),
  A("direct", "attempts to demonize people fleeing conflict are not only demeaning, offensive and counter-productive, and are factually wrong,", "told", "Ban", "ban"),
  A("indirect", "the roads have been set to cause great damage", "says", "This Syrian soldier", "soldier"),
  A("direct", "The terrorist organization has booby-trapped the entire area with wires and a power circuit in order to blow those up and to destroy the town with its residents.", "says", "He", "soldier"),
 ],
 optional=[
  O("greater global efforts to tackle the Syrian refugee crisis", "'called for' + noun phrase", "UN chief Ban Ki-moon", "ban"),
 ],
 not_quotes=[])

DOCS['voa14_kolkata_bridge'] = dict(
 meta=M("2016-03-31", "https://newsamricaa.blogspot.com/2016/03",
        outlet="Voice of America (VOA Learning English, adapted from VOANews.com and Reuters reports)",
        note="Learning English story as kept by an English-learning blog (one paragraph, as in the copy); sign-off, credits and vocabulary list not kept."),
 entities={
  "witnesses": E("Witnesses", "group", "Witnesses"),
  "reuters": E("Reuters", "organization", "Reuters"),
  "banerjee": E("Mamata Banerjee", "person", "Mamata Banerjee", "the Chief Minister of West Bengal", "Banerjee"),
  "telegraph": E("The Telegraph (Kolkata newspaper)", "organization", "The Telegraph newspaper", "the newspaper"),
  "engineers": E("Project engineers", "group", "Project engineers"),
  "ivrcl": E("IVRCL (construction company)", "organization", "IVRCL", "its website"),
  "ivrcl_director": E("IVRCL's director of operations", "person", "IVRCL's director of operations"),
 },
 attributions=[
  A("indirect", "many people and vehicles, including two buses carrying more than 100 passengers, were under the bridge when it fell", "said", "Witnesses", "witnesses"),
  A("indirect", "construction workers had set up camps near the bridge site where they would sleep and cook", "said", "They", "witnesses"),
  A("indirect", "the Chief Minister of West Bengal, Mamata Banerjee, rushed to the scene of the collapse", "reports", "Reuters", "reuters"),
  A("mixed", "rescuing those trapped is her “top priority.”", "said", "She", "banerjee"),
  A("indirect", "those responsible for the disaster will be punished", "said", "Banerjee", "banerjee"),
  A("indirect", "Banerjee wanted the bridge - already five years overdue - to be completed by February", "reported", "The Telegraph newspaper", "telegraph"),
  A("indirect", "they were concerned over whether this would be possible", "said", "Project engineers", "engineers"),
  A("indirect", "Project engineers said they were concerned over whether this would be possible", "said", "the newspaper", "telegraph"),
  A("indirect", "AN Indian company, IVRCL, was building the 2-kilometer bridge", "said", "its website", "ivrcl"),
  A("indirect", "the company was not sure of the cause of the disaster", "said", "IVRCL's director of operations", "ivrcl_director"),
 ],
 optional=[],
 not_quotes=[])

DOCS['voa15_russia_facebook'] = dict(
 meta=M("2017-09-26", "https://newsamricaa.blogspot.com/search?max-results=11&reverse-paginate=true&updated-max=2017-09-26T15%3A12%3A00-07%3A00",
        outlet="Voice of America (VOA Learning English, Susan Shand, based on Reuters reports)",
        note="Learning English story as kept by an English-learning blog (one paragraph, as in the copy); sign-off, credits and vocabulary list not kept."),
 entities={
  "roskomnadzor": E("Roskomnadzor", "organization", "Roskomnadzor", "the agency overseeing communications, information and media in Russia", "the Russian agency"),
  "zharov": E("Alexander Zharov", "person", "Alexander Zharov", "head of the agency", "Zharov"),
  "interfax": E("Interfax news agency", "organization", "the Interfax news agency"),
  "facebook": E("Facebook", "organization", "Facebook"),
  "peskov": E("Dmitry Peskov", "person", "presidential spokesman Dmitry Peskov", "Dmitry Peskov"),
  "twitter": E("Twitter", "organization", "Twitter"),
 },
 attributions=[
  A("indirect", "companies that do not follow the law will no longer work in the Russian Federation", "said", "He", "zharov"),
  A("indirect", "He said companies that do not follow the law will no longer work in the Russian Federation", "according to", "the Interfax news agency", "interfax"),
  A("direct", "There will be no exceptions,", "said", "he", "zharov"),
  A("indirect", "accounts with Russian ties bought advertisings related to the 2016 U.S. election", "said", "Facebook", "facebook"),
  A("indirect", "Facebook has a large number of users in the Russian Federation", "said", "Zharov", "zharov"),
  A("indirect", "Facebook is not unique, however, and there are other social media websites that Russians can use", "added", "He", "zharov"),
  A("indirect", "the American company had to follow the law like everyone else", "said", "Dmitry Peskov", "peskov"),
  A("indirect", "LinkedIn was guilty of violating the law", "said", "It", "roskomnadzor"),
  A("indirect", "it would use servers in Russia by June or July of 2018", "told", "Twitter", "twitter"),
 ],
 optional=[
  O("Russia will block access to Facebook next year unless the social network follows a law requiring the use of Russian servers to store personal data of Russians",
    "stated as fact, attributed only afterwards ('The threat was made by Roskomnadzor')", "Roskomnadzor", "roskomnadzor"),
  O("to share the ads with U.S. Congressional investigators", "commitment ('has agreed to'), an action rather than a statement", "Facebook", "facebook"),
 ],
 not_quotes=[])

DOCS['voa16_jolie_casting'] = dict(
 meta=M("2017-08-01", "https://newsamricaa.blogspot.com/search?max-results=11&reverse-paginate=true&updated-max=2017-08-01T15%3A22%3A00-07%3A00",
        outlet="Voice of America (VOA Learning English)",
        note="Learning English story as kept by an English-learning blog (one paragraph, as in the copy); kept up to the last complete sentence."),
 entities={
  "jolie": E("Angelina Jolie", "person", "American actress Angelina Jolie", "Angelina Jolie", "Jolie"),
  "people": E("People who criticized the casting (unspecified)", "group", "people"),
  "users": E("Users on social media", "group", "Users on social media"),
  "peretz": E("Evgenia Peretz", "person", "Vanity Fair reporter Evgenia Peretz", "Evgenia Peretz"),
  "cobb": E("Kayla Cobb", "person", "Kayla Cobb", "Cobb"),
 },
 attributions=[
  A("indirect", "the casting process for her movie as taking money away from poor children", "criticized", "people", "people"),
  A("indirect", "she looked for lead actors in orphanages, circuses and very poor schools", "told", "Jolie", "jolie"),
  A("indirect", "this part of the audition was from a moment in the film and she was upset about it being treated like it were real life", "said", "She", "jolie"),
  A("direct", "The suggestion that real money was taken from a child during an audition is false and upsetting,", "said", "she", "jolie"),
  A("indirect", "she would be angry if that had happened to a child in real life", "added", "She", "jolie"),
  A("indirect", "Jolie's casting game unkind and abusive to poor children", "called", "Users on social media", "users"),
  A("indirect", "the casting game was troubling because of its connection to reality", "said", "Evgenia Peretz", "peretz"),
  A("indirect", "the everyone should use better judgment and should not put real money in front of poor children in this way", "wrote", "Cobb", "cobb"),
  A("indirect", "no movie is worth psychologically harming so many children", "wrote", "She", "cobb"),
 ],
 optional=[
  O("a game that the casting directors played with the Cambodian children", "'described' + noun phrase, no clause", "Jolie", "jolie"),
  O("the game to a psychological thriller", "'compared X to Y': comparison, no clause", "She", "cobb"),
 ],
 not_quotes=["First They Killed My Father."])

DOCS['voa17_newscast_2016_09_21'] = dict(
 meta=M("2016-09-21", "https://newsamricaa.blogspot.com/search?max-results=11&reverse-paginate=true&updated-max=2016-09-21T13%3A10%3A00-07%3A00",
        outlet="Voice of America (VOA News English newscast, 1300 UTC)",
        note="Newscast script as kept by an English-learning blog (one paragraph, as in the copy); closing invitation and feed lines not kept."),
 entities={
  "obama": E("Barack Obama", "person", "President Barack Obama", "President Obama", "The U.S. President"),
  "saine": E("Cindy Saine (VOA correspondent)", "person", "VOA's Cindy Saine", "Cindy Saine"),
  "uimcro": E("International Union of Medical Care and Relief Organizations", "organization",
              "a relief organization", "The organization", "the International Union of Medical Care and Relief Organizations"),
  "moufti": E("Oubaida Al Moufti", "person", "Dr. Oubaida Al Moufti", "Oubaida Al Moufti",
              "the vice president of the International Union of Medical Care and Relief Organizations"),
 },
 attributions=[
  A("indirect", "the world is facing a crisis of epic proportions", "saying", "President Barack Obama", "obama"),
  A("direct", "We are here because, right now in crowded camps in cities around the world, there are families from Darfur and Chad, Palestinians in Lebanon, Afghans in Pakistan, Colombians in Ecuador, who’ve endured years -- in some cases, decades -- as refugees.", None, "President Obama", "obama"),
  A("indirect", "An airstrike in northern Syria that killed five members of medical staff hit a mobile emergency unit and not a medical facility", "says", "a relief organization", "uimcro"),
  A("indirect", "the strike leveled a medical triage point", "had initially said", "The organization", "uimcro"),
 ],
 optional=[
  O("President Obama came straight to the point about the situation millions of refugees are facing. ‘We are here because, right now in crowded camps in cities around the world, there are families from Darfur and Chad, Palestinians in Lebanon, Afghans in Pakistan, Colombians in Ecuador, who’ve endured years -- in some cases, decades -- as refugees.’ The plight of so many displaced people moved the United States, U.N. Secretary-General Ban Ki-Moon, and the leaders from Canada, Ethiopia, Germany, Jordan, Mexico and Sweden to pledge to either take in greater numbers of refugees or provide more financial assistance. Cindy Saine, VOA News, New York.",
    "the outlet's own correspondent report, printed in quotation marks in the newscast script ('VOA's Cindy Saine reports.'); narration, not a source's speech", "VOA's Cindy Saine", "saine"),
  O("to either take in greater numbers of refugees or provide more financial assistance", "commitment ('to pledge to'), reported as an outcome"),
  O("The mobile medical team was hit while responding to an earlier airstrike targeting militants from the al-Qaida-linked Fatah al-Sham Front",
    "attributed only afterwards by an anaphoric 'We got that according to Dr. Oubaida Al Moufti'", "Dr. Oubaida Al Moufti", "moufti"),
  O("We got that", "'according to' whose content is the anaphoric 'that' (the preceding sentences)", "Dr. Oubaida Al Moufti", "moufti"),
 ],
 not_quotes=[])

DOCS['voa18_sea_of_japan_textbooks'] = dict(
 meta=M("2014-04-30", "https://voalearningenglish.blogspot.com/2014/04/?m=1",
        outlet="Voice of America (VOA Learning English, As It Is)",
        note="Program script as kept by a blog mirroring VOA Learning English; kept up to the last complete sentence of the retrieved copy. The first quotation has no speaker in the kept text."),
 entities={
  "korean_americans": E("A group of Korean-Americans", "group", "a group of Korean-Americans", "A group of Korean-Americans"),
  "kim": E("Peter Kim", "person", "Peter Kim", "a man named Peter Kim", "Mr. Kim"),
  "kim_son": E("Kris, Peter Kim's son", "person", "his son", "Kris"),
  "activists": E("Some Korean-American activists", "group", "Some Korean-American activists"),
 },
 attributions=[
  A("direct", "From an American perspective, it’s a little bit frustrating that, you know, our democracy becomes the venue for this battle, and it’s probably not the best way to create your social studies textbooks.", None, None, None),
  A("indirect", "lawmakers in Virginia to consider the issue", "asked", "a group of Korean-Americans", "korean_americans"),
  A("direct", "I asked him ‘Kris, do you know the name, do you know the sea between South Korea and Japan?’ He said ‘Yes, daddy.’ ‘What’s the name of it?’ He says ‘The Sea of Japan.’ And I got really upset. And, and I checked the textbook and there it was: the Sea of Japan only.", None, "Peter Kim", "kim"),
  A("indirect", "everyone there calls it the East Sea", "says", "He", "kim"),
  A("mixed", "the name “Sea of Japan” dates back to a time when Japan ruled Korea", "say", "Some Korean-American activists", "activists"),
 ],
 optional=[
  O("Kris, do you know the name, do you know the sea between South Korea and Japan?", "question quoted inside Peter Kim's own quotation (nested, his own words)", "Peter Kim", "kim"),
  O("Yes, daddy.", "the son's answer quoted inside Peter Kim's quotation (nested)", "He", "kim_son"),
  O("The Sea of Japan.", "the son's answer quoted inside Peter Kim's quotation (nested)", "He", "kim_son"),
 ],
 not_quotes=["The Sea of Japan,", "The East Sea."])

DOCS['voa19_year_of_protests'] = dict(
 meta=M("2019-12-30 (approx.; late December 2019, VOA Learning English id 5217156)",
        "https://learningenglish.voanews.com/amp/a-year-of-protests-/5217156.html",
        outlet="Voice of America (VOA Learning English; interviews by Reuters, as the text says)",
        note="Photo captions and the player line are not kept; kept up to the last complete sentence of the retrieved copy."),
 entities={
  "jasper": E("Jasper (Hong Kong bank worker)", "person", "Jasper", "The 27-year-old"),
  "yacine": E("Amiri Yacine", "person", "Amiri Yacine", "Yacine", "The 26-year-old"),
 },
 attributions=[
  A("direct", "This is a universal demand for democracy and fairness,", "said", "Jasper", "jasper"),
  A("direct", "Every country in the world faces the same situation. This will not be an easy road, but we all know we are doing the right thing.", "noted", "Jasper", "jasper"),
  A("direct", "I am protesting against injustice and dictatorship. We want to build a new Algeria,", "said", "Yacine", "yacine"),
  A("direct", "My message to protesters is just be peaceful - be wise and keep calm. Fight the system with good ideas, because they don’t have ideas.", "added", "The 26-year-old", "yacine"),
 ],
 optional=[
  O("his demands are universal", "'feels' (opinion, not stated as speech)", "Amiri Yacine", "yacine"),
 ],
 not_quotes=[])


def occurrences(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def check(name, doc, text):
    errs = []
    ents = doc["entities"]
    for eid, e in ents.items():
        if e["type"] not in ("person", "organization", "group", "anonymous"):
            errs.append(f"{eid}: bad type {e['type']}")
        for al in e["aliases"]:
            if al not in text:
                errs.append(f"{eid}: alias not in text: {al!r}")
    spans = []
    for k, a in enumerate(doc["attributions"]):
        tag = f"attr {k} {a['content'][:40]!r}"
        occ = occurrences(text, a["content"])
        if not occ:
            errs.append(f"{tag}: content not in text")
            continue
        if len(occ) > 1 and "occurrence" not in a:
            errs.append(f"{tag}: content occurs {len(occ)} times, occurrence needed")
            continue
        if len(occ) == 1 and "occurrence" in a:
            errs.append(f"{tag}: occurrence given but content is unique")
        start = occ[a.get("occurrence", 1) - 1] if a.get("occurrence", 1) <= len(occ) else None
        if start is None:
            errs.append(f"{tag}: occurrence {a['occurrence']} out of range")
            continue
        end = start + len(a["content"])
        assert text[start:end] == a["content"]
        spans.append((start, end))
        if a["type"] not in ("direct", "indirect", "mixed"):
            errs.append(f"{tag}: bad type")
        if a["entity"] is None:
            if a["speaker"] is not None:
                errs.append(f"{tag}: speaker without entity")
        elif a["entity"] not in ents:
            errs.append(f"{tag}: unknown entity {a['entity']}")
        win = text[max(0, start - 400):end + 400]
        for field in ("cue", "speaker"):
            v = a[field]
            if v is not None and v not in win:
                errs.append(f"{tag}: {field} {v!r} not within 400 chars")
        if a["speaker"] is not None and a["entity"] in ents:
            al = ents[a["entity"]]["aliases"]
            if a["speaker"] not in al and a["speaker"].lower() not in (
                    "he", "she", "it", "they", "his", "her", "its", "their"):
                errs.append(f"{tag}: speaker {a['speaker']!r} not an alias of {a['entity']}")
        has_q = any(c in a["content"] for c in '"\u201c\u201d')
        if a["type"] == "direct":
            before = text[start - 1] if start else ""
            after = text[end:end + 1]
            # an opening mark never closed in the source ends at the paragraph end
            if before not in QUOTES or (after and after not in QUOTES + "\n"):
                errs.append(f"{tag}: direct but not enclosed ({before!r}..{after!r})")
        elif a["type"] == "mixed" and not has_q:
            errs.append(f"{tag}: mixed without quote marks")
        elif a["type"] == "indirect" and has_q:
            errs.append(f"{tag}: indirect with quote marks")
    for o in doc["optional"]:
        if o["content"] not in text:
            errs.append(f"optional not in text: {o['content'][:50]!r}")
        if o.get("entity") and o["entity"] not in ents:
            errs.append(f"optional unknown entity {o['entity']}")
    for q in doc["not_quotes"]:
        if q not in text:
            errs.append(f"not_quote not in text: {q!r}")
    return errs, spans


def main():
    total = {"direct": 0, "indirect": 0, "mixed": 0}
    bad = 0
    rows = []
    for name, doc in DOCS.items():
        text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        errs, _ = check(name, doc, text)
        for e in errs:
            print(f"{name}: {e}")
        bad += len(errs)
        out = {"id": name, "lang": "en", "text": f"{name}.txt", "meta": doc["meta"],
               "entities": doc["entities"], "attributions": doc["attributions"],
               "optional": doc["optional"], "not_quotes": doc["not_quotes"]}
        (HERE / f"{name}.json").write_text(
            json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        c = {"direct": 0, "indirect": 0, "mixed": 0}
        for a in doc["attributions"]:
            c[a["type"]] += 1
            total[a["type"]] += 1
        rows.append((name, len(doc["attributions"]), c, len(doc["optional"]),
                     len(doc["not_quotes"])))
    for r in rows:
        print(f"{r[0]:40s} {r[1]:3d}  d{r[2]['direct']} i{r[2]['indirect']} m{r[2]['mixed']}  opt {r[3]}  nq {r[4]}")
    print("total", sum(total.values()), total, "errors", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
