// Throwaway throughput measurement for the Matching module (not a test):
// normalise + match the eval corpus's titles and summaries, repeated, against a
// gazetteer of about 200 spellings from shared/reference/entities.md.
import FeedModel
import Foundation
import Matching

let gazetteer: [(String, String)] = [
    ("Azerbaijan", "Azerbaijan, Azerbaycan, Azeri, Азербайджан*, Azərbaycan*, Ադրբեջան*, აზერბაიჯან*"),
    ("Armenia", "Armenia, Armenian*, Армени*, Ermənistan*, Հայաստան*, სომხეთ*"),
    ("Georgia", "Georgia, Грузи*, Gürcüstan*, Վրաստան*, საქართველო*"),
    ("Turkey", "Türkiye, Turkey, Турци*, Türkiyə*, Թուրքիա*, თურქეთ*"),
    ("Russia", "Russia, Росси*, Rusiya*, Ռուսաստան*, რუსეთ*"),
    ("Iran", "Iran, Иран*, İran*, Իրան*, ირან*"),
    ("Baku", "Baku, Баку, Bakı*, Բաքու*, ბაქო*, Bakü"),
    ("Yerevan", "Yerevan, Erevan, Ереван*, İrəvan*, Երևան*, Երեւան*, ერევან*, Erivan"),
    ("Tbilisi", "Tbilisi, Тбилиси, Tiflis, Թբիլիսի*, თბილის*"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh, Karabakh*, Karabagh, Artsakh, Нагорный Карабах*, Карабах*, Арцах*, Qarabağ*, Dağlıq Qarabağ*, Ղարաբաղ*, Լեռնային Ղարաբաղ*, Արցախ*, ԼՂՀ, ყარაბაღ*, მთიანი ყარაბაღ*"),
    ("Stepanakert", "Stepanakert, Khankendi, Hankendi, Степанакерт*, Ханкенди, Xankəndi*, Ստեփանակերտ*, სტეფანაკერტ*, ხანქენდ*, Chankendi"),
    ("Shusha", "Shusha, Shushi, Шуш*, Şuşa*, Շուշի*, შუშა*"),
    ("Lachin", "Lachin, Lachin corridor, Berdzor corridor, Лачин*, Лачинский коридор*, Бердзор*, Laçın*, Laçın dəhlizi*, Լաչին*, Քաշաթաղ*, Բերձոր*, ლაჩინ*"),
    ("Nakhchivan", "Nakhchivan, Nakhichevan, Нахичевань*, Нахчыван*, Naxçıvan*, Նախիջևան*, ნახჭევან*"),
    ("Zangezur", "Zangezur, Syunik, Meghri corridor, TRIPP, Trump Route, Зангезур*, Сюник*, Мегри*, Мегринский коридор*, Zəngəzur*, Զանգեզուր*, Սյունիք*, სიუნიკ*, թրամփի"),
    ("Abkhazia", "Abkhazia, Абхази*, Abxaziya*, Աբխազիա*, აფხაზეთ*, Аҧсны"),
    ("South Ossetia", "South Ossetia, Tskhinvali, Южная Осетия, Южной Осетии, Цхинвал*, Cənubi Osetiya*, Հարավային Օսիա*, ცხინვალ*, სამხრეთ ოსეთ*, Shida Kartli, შიდა ქართლ*"),
    ("Karabakh places", "Khojaly, Kalbajar, Aghdam, Fuzuli, Zangilan, Hadrut, Ходжалы, Кельбаджар*, Агдам*, Зангилан*, Xocalı*, Kəlbəcər*, Ağdam*, Xocavənd*, Zəngilan*, Tərtər*, Ասկերան*, Հադրութ*, Մարտակերտ*, Մարտունի*, აღდამ*"),
    ("Ilham Aliyev", "Ilham Aliyev, Aliev, Ильхам Алиев*, İlham Əliyev*, Əliyev*, Իլհամ Ալիև*, ილჰამ ალიევ*, ალიევ*, Mehriban Aliyeva"),
    ("Nikol Pashinyan", "Nikol Pashinyan, Pashinyan, Pashinian, Никол Пашинян*, Пашинян*, Paşinyan*, Նիկոլ Փաշինյան*, Փաշինյան*, ნიკოლ ფაშინიან*"),
    ("Irakli Kobakhidze", "Irakli Kobakhidze, Ираклий Кобахидзе, Кобахидзе, İrakli Kobaxidze, Իրակլի Կոբախիձե, ირაკლი კობახიძე*"),
    ("Bidzina Ivanishvili", "Bidzina Ivanishvili, Ivanishvili, Бидзина Иванишвили, Иванишвили, Bidzina İvanişvili, Բիձինա Իվանիշվիլի, ბიძინა ივანიშვილ*, ივანიშვილ*"),
    ("Officials", "Jeyhun Bayramov, Bayramov, Байрамов*, Բայրամով*, Hikmat Hajiyev, Hacıyev*, Гаджиев*, Հաջիև*, Ararat Mirzoyan, Mirzoyan, Мирзоян*, Միրզոյան*, Alen Simonyan, Симонян*, Սիմոնյան*, Ruben Rubinyan, Рубинян*, Ռուբինյան*, Kaja Kallas, Калас, Կալաս, Mikheil Kavelashvili, მიხეილ ყაველაშვილ*"),
    ("CSTO", "CSTO, ОДКБ, KTMT, ՀԱՊԿ"),
    ("OSCE", "OSCE, OSCE Minsk Group, Minsk Group, ОБСЕ, Минская группа*, ATƏT*, ԵԱՀԿ, ԵԱՀԿ Մինսկի խումբ*, ეუთო*, ეუთოს მინსკის ჯგუფ*"),
    ("Peacekeepers", "Russian peacekeepers, peacekeeping contingent, российские миротворцы, миротворческий контингент*, sülhməramlı*, խաղաղապահ*, სამშვიდობო*"),
    ("EUMA", "EUMA, EU Mission in Armenia, EU monitoring mission"),
    ("PACE", "PACE, ПАСЕ, AŞPA, ԵԽԽՎ"),
    ("NATO", "NATO, НАТО, ՆԱՏՕ, ნატო*"),
    ("ECHR", "ECHR, European Court of Human Rights, ЕСПЧ, AİHM, ՄԻԵԴ"),
    ("Georgian Dream", "Georgian Dream, Грузинская мечта*, Gürcü Arzusu, Վրացական երազանք*, ქართული ოცნება*"),
    ("Places more", "Rustaveli Avenue, Gyumri, Гюмри, Գյումրի*, Ganja, Гянджа*, Gəncə*, Batumi, Батуми, ბათუმ*, Kutaisi, Кутаиси, ქუთაის*, Sumgait, Sumqayıt*, Vanadzor, Վանաձոր*, Sukhumi, Sokhumi, Сухум*, სოხუმ*, Samachablo, Javakheti, ჯავახეთ*, Borjomi, Poti, Anaklia, ანაკლი*, Ijevan, Tavush, Տավուշ*, Gazakh, Qazax*"),
]

let topicsText: [(String, RuleExpression)] = [
    ("Karabakh", .or([.entity("Nagorno-Karabakh"), .entity("Stepanakert"), .entity("Shusha"),
                      .and([.entity("Azerbaijan"), .entity("Armenia"),
                            .or([.term(Spelling("border")), .term(Spelling("peace treaty"))])])])),
    ("Georgia politics", .and([.or([.entity("Georgia"), .entity("Tbilisi")]), .not(.term(Spelling("Atlanta")))])),
    ("Leaders", .or([.entity("Ilham Aliyev"), .entity("Nikol Pashinyan"), .entity("Irakli Kobakhidze")])),
]

func parseSpellings(_ list: String) -> [Spelling] {
    list.split(separator: ",").map { raw in
        let s = raw.trimmingCharacters(in: .whitespaces)
        return s.hasSuffix("*") ? Spelling(String(s.dropLast()), isStem: true) : Spelling(s)
    }
}

let entities = gazetteer.map { EntityDefinition(name: $0.0, kind: "bench", spellings: parseSpellings($0.1)) }
let topics = topicsText.map { TopicDefinition(name: $0.0, rule: $0.1) }
let spellingCount = entities.reduce(0) { $0 + $1.spellings.count }

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../shared/eval/relevance-dev.jsonl"
let targetMB = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 64 : 64
guard let data = FileManager.default.contents(atPath: path) else {
    print("cannot read \(path)")
    exit(2)
}
var items: [MatchInput] = []
for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
    items.append(MatchInput(title: object["title"] as? String ?? "", summary: object["summary"] as? String ?? ""))
}
let corpusBytes = items.reduce(0) { $0 + $1.title.utf8.count + $1.summary.utf8.count }
let rounds = max(1, targetMB * 1_000_000 / max(1, corpusBytes))
let totalMB = Double(corpusBytes * rounds) / 1_000_000

/// CPU time of this thread, not wall time: the build machines are shared, so
/// wall time measures the neighbours as much as the matcher.
func seconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
}

var matcher: Matcher!
let buildTime = seconds { matcher = Matcher(entities: entities, topics: topics) }
let normalizer = TextNormalizer()

var sink = 0
let normalizeTime = seconds {
    for _ in 0..<rounds {
        for item in items {
            sink &+= normalizer.normalize(item.title).bytes.count
            sink &+= normalizer.normalize(item.summary).bytes.count
        }
    }
}
var hitCount = 0
var kept = 0
let matchTime = seconds {
    for _ in 0..<rounds {
        for item in items {
            let result = matcher.match(item)
            hitCount += result.hits.count
            if result.isKept { kept += 1 }
        }
    }
}

// The same text as one long field per round: no per-item overhead.
let joined = MatchInput(content: items.map { $0.title + "\n" + $0.summary }.joined(separator: "\n"))
let joinedTime = seconds {
    for _ in 0..<rounds { sink &+= matcher.match(joined).hits.count }
}

print("gazetteer: \(entities.count) entities, \(spellingCount) spellings, \(topics.count) topics; built in \(String(format: "%.1f", buildTime * 1000)) ms")
print("corpus: \(items.count) items, \(corpusBytes) bytes x \(rounds) rounds = \(String(format: "%.1f", totalMB)) MB")
print("(MB/s per core, thread CPU time)")
print("normalise only:    \(String(format: "%.0f", totalMB / normalizeTime)) MB/s")
print("normalise + match: \(String(format: "%.0f", totalMB / matchTime)) MB/s (\(hitCount / rounds) hits, \(kept / rounds) items kept per round; sink \(sink % 10))")
print("normalise + match, one long field: \(String(format: "%.0f", totalMB / joinedTime)) MB/s")
