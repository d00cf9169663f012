import Foundation
import Testing
import Parsing
import FeedModel

@Suite struct RejectionTests {
    private func kind(of data: Data) -> FetchFailureKind? {
        do {
            _ = try FeedParser().parse(data)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func htmlPageIsNotAFeed() throws {
        #expect(kind(of: try FixtureLoader.data("not-a-feed.html")) == .htmlNotFeed)
    }

    @Test func htmlRootWithoutDoctypeIsNotAFeed() {
        #expect(kind(of: Data("<?xml version=\"1.0\"?>\n<html><body>hi</body></html>".utf8)) == .htmlNotFeed)
    }

    @Test func emptyAndWhitespaceAreEmpty() {
        #expect(kind(of: Data()) == .empty)
        #expect(kind(of: Data(" \n\t\r\n ".utf8)) == .empty)
        #expect(kind(of: Data([0xEF, 0xBB, 0xBF, 0x0A])) == .empty)
    }

    @Test func unknownRootIsUnparseable() {
        #expect(kind(of: Data("<?xml version=\"1.0\"?><sitemap><url/></sitemap>".utf8)) == .unparseable)
    }

    @Test func plainTextIsUnparseable() {
        #expect(kind(of: Data("404 page not found".utf8)) == .unparseable)
    }

    @Test func jsonThatIsNotAFeedIsUnparseable() {
        #expect(kind(of: Data("{\"error\": \"rate limited\"}".utf8)) == .unparseable)
    }
}
