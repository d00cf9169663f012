import Foundation
import Testing
import FeedModel
@testable import Storage

/// The fast reader of stored hits gives what JSONDecoder gives, or gives up.
@Suite struct HitsJSONTests {
    static let hits = [
        Hit(entity: "Nagorno-Karabakh", spelling: "Karabakh", field: .title, matchedText: "Karabakh", start: 0, end: 8),
        Hit(entity: nil, spelling: "peacekeep*", field: .summary, matchedText: "Peacekeepers", start: 120, end: 132),
        Hit(entity: "Stepanakert", spelling: "Xankəndi*", field: .content, matchedText: "Xankəndidə", start: 3, end: 15,
            variant: "Xankəndi", side: "Azerbaijani"),
        Hit(entity: "Atlanta", spelling: "\"Georgia\" \\ /", field: .author, matchedText: "quote \" tab\tline\nend\r",
            start: 0, end: 1, cancelledBy: "unless \"Atlanta\""),
        Hit(entity: "Emoji", spelling: "🇦🇲 Հայաստան ყარაბაღ", field: .category, matchedText: "\u{1}\u{8}\u{C}", start: -1, end: 9),
        Hit(entity: "", spelling: "", field: .title, matchedText: "", start: 0, end: 0),
    ]

    @Test func readsWhatTheStoreWritesAsJSONDecoderDoes() throws {
        for hits in [Self.hits, [], [Self.hits[0]], Array(Self.hits.prefix(3))] {
            let text = try Store.encodeJSON(hits)
            let slow = try JSONDecoder().decode([Hit].self, from: Data(text.utf8))
            #expect(try Store.decodeHits(text, column: "test") == slow)
            #expect(slow == hits)
        }
        // Plain hits take the fast path; a control character written as \u00XX does not, and still reads.
        #expect(HitsJSON.decode(try Store.encodeJSON(Array(Self.hits.prefix(4)))) == Array(Self.hits.prefix(4)))
        #expect(HitsJSON.decode(try Store.encodeJSON([Self.hits[4]])) == nil)
    }

    @Test func anythingElseIsLeftToJSONDecoder() throws {
        let odd = [
            #"[{"end":8,"entity":null,"field":"title","matchedText":"K","spelling":"K","start":0}]"#,
            #"[{"end":8,"field":"title","matchedText":"K","spelling":"K","start":0,"extra":1}]"#,
            #" [{"end":8,"field":"title","matchedText":"K","spelling":"K","start":0}]"#,
            #"[{"end":8.0,"field":"title","matchedText":"K","spelling":"K","start":0}]"#,
            #"[{"end":8,"field":"title","matchedText":"\u004b","spelling":"K","start":0}]"#,
            #"[{"end":8,"field":"headline","matchedText":"K","spelling":"K","start":0}]"#,
            #"[{"end":8,"field":"title","matchedText":"K","start":0}]"#,
            #"[{"end":8,"field":"title","matchedText":"K","spelling":"K","start":0}"#,
            #"[]x"#, "",
        ]
        for text in odd {
            #expect(HitsJSON.decode(text) == nil, "\(text)")
            let slow = try? JSONDecoder().decode([Hit].self, from: Data(text.utf8))
            #expect((try? Store.decodeHits(text, column: "test")) == slow, "\(text)")
        }
    }
}
