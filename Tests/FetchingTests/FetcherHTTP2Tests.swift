import Fetching
import Foundation
import Testing
import TestSupport

/// HTTP/2 where the server offers it: a real HTTP/2 server over TLS (nghttpd) on 127.0.0.1.
@Suite(.enabled(if: HTTP2Server.isAvailable, "nghttpd and openssl are installed by scripts/setup --tests"))
struct FetcherHTTP2Tests {
    @Test func aServerThatOffersHTTP2GetsHTTP2AndBothFeedsArrive() throws {
        let bodies = ["a.xml": Data("<rss version=\"2.0\"><channel><title>A</title></channel></rss>".utf8),
                      "b.xml": Data("<rss version=\"2.0\"><channel><title>B</title></channel></rss>".utf8)]
        let server = try HTTP2Server(files: bodies)
        var requests = [FetchRequest.test(server.url("/a.xml"), key: 0), FetchRequest.test(server.url("/b.xml"), key: 1)]
        for index in requests.indices { requests[index].caFile = server.certificatePath }

        var results: [Int: Result<FetchResponse, FetchError>] = [:]
        Fetcher(maxConcurrent: 4, maxPerHost: 2).fetch(requests) { request, result in results[request.key] = result }

        for (key, name) in [(0, "a.xml"), (1, "b.xml")] {
            let response = try #require(results[key]?.response, "\(String(describing: results[key]))")
            #expect(response.status == 200)
            #expect(response.httpVersion == "2")
            #expect(response.body == bodies[name])
        }
    }

    @Test func withoutTrustingTheCertificateTheFailureIsTLS() throws {
        let server = try HTTP2Server(files: ["a.xml": Data("<rss/>".utf8)])
        let result = Fetcher().fetch(.test(server.url("/a.xml")))
        #expect(result.error?.kind == .tls, "\(String(describing: result))")
    }
}
