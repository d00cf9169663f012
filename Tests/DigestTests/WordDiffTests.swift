import Testing
@testable import Digest

@Suite struct WordDiffTests {
    @Test func aReplacedWordShowsAsRemovedThenAdded() {
        let diff = WordDiff(old: "Two soldiers wounded near Tartar", new: "Three soldiers wounded near Tartar")
        #expect(diff.pieces == [.removed(["Two"]), .added(["Three"]), .same(["soldiers", "wounded", "near", "Tartar"])])
    }

    @Test func longUnchangedRunsAreCutToContext() {
        let words = (1...20).map { "w\($0)" }
        let old = words.joined(separator: " ")
        let new = (words[..<10] + ["NEW"] + words[10...]).joined(separator: " ")
        let pieces = WordDiff(old: old, new: new).pieces
        #expect(pieces == [.gap, .same(["w8", "w9", "w10"]), .added(["NEW"]), .same(["w11", "w12", "w13"]), .gap])
    }

    @Test func identicalTextsHaveNoChange() {
        let pieces = WordDiff(old: "a b c", new: "a  b\nc").pieces
        #expect(pieces == [.same(["a", "b", "c"])])
    }

    @Test func rendererMarksRemovedAndAddedWords() {
        #expect(DigestRenderer.diffText(old: "Two *soldiers* wounded", new: "Three *soldiers* wounded")
                == "~~Two~~ **Three** \\*soldiers\\* wounded")
    }
}
