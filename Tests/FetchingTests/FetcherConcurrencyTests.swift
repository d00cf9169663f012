import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// One multi handle carries a mixed batch: failures do not hold up the rest.
@Suite struct FetcherConcurrencyTests {
    @Test func manyRequestsAllCompleteAndHealthyOnesSucceed() async throws {
        let server = try await LoopbackServer.start()
        for index in 0..<30 { server.route("/ok/\(index)", .ok(body: "feed \(index)")) }
        for index in 0..<4 { server.route("/missing/\(index)", .status(404)) }
        for index in 0..<3 { server.route("/reset/\(index)", .reset) }
        for index in 0..<3 { server.route("/hang/\(index)", .hang) }
        let paths = (0..<30).map { "/ok/\($0)" } + (0..<4).map { "/missing/\($0)" }
            + (0..<3).map { "/reset/\($0)" } + (0..<3).map { "/hang/\($0)" }
        // Interleave so that failures share the batch with successes.
        let ordered = paths.enumerated().sorted { ($0.offset * 7) % paths.count < ($1.offset * 7) % paths.count }
        let requests = ordered.map { FetchRequest.test(server.url($0.element), key: $0.offset, totalTimeoutSeconds: 2) }

        var results: [Int: Result<FetchResponse, FetchError>] = [:]
        var completions = 0
        Fetcher(maxConcurrent: 8).fetch(requests) { request, result in
            completions += 1
            results[request.key] = result
        }
        try await server.stop()

        #expect(completions == 40)
        #expect(results.count == 40)
        for (key, path) in paths.enumerated() {
            let result = try #require(results[key])
            if path.hasPrefix("/ok/") {
                let body = result.response.map { String(decoding: $0.body, as: UTF8.self) }
                #expect(body == "feed \(path.dropFirst(4))")
            } else if path.hasPrefix("/missing/") {
                #expect(result.error?.kind == .http4xx)
            } else if path.hasPrefix("/hang/") {
                #expect(result.error?.kind == .timeout)
            } else {
                #expect(result.error != nil)
            }
        }
    }
}
