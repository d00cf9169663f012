import Foundation
import Testing
import TestSupport

@Suite("feedwatch match --explain")
struct MatchExplainTests {
    @Test("marks the matched spans, names the contested variant and prints the rule tree of each fired topic")
    func explain() throws {
        let seeds = FeedwatchBinary.repositoryRoot.appendingPathComponent("seeds")
        let result = try FeedwatchBinary.run(["match", "--explain", "az-news.xml", "--config", "demo.conf"], in: seeds)
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("KEEP  Rusiya sülhməramlı kontingentinin Qarabağdan çıxarılmasına başlanılıb"))
        #expect(out.contains("title: [[Rusiya sülhməramlı]] [[kontingentinin]] [[Qarabağdan]] çıxarılmasına başlanılıb"))
        #expect(out.contains("contested name: Qarabağ (Azerbaijani) for @Nagorno-Karabakh"))
        #expect(out.contains("topic Karabakh: fired\n        + AND\n          + OR\n            + @Nagorno-Karabakh   title \"Qarabağdan\" (Qarabağ*) [Azerbaijani name Qarabağ]"))
        // A dropped item lists the topics that came close, with what kept them from firing.
        #expect(out.contains("drop  Premyer Liqa"))
        #expect(!out.contains("\u{1B}["))
    }
}
