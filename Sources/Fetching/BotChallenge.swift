import Foundation

/// Recognises the interstitial pages that anti-bot services put in front of
/// a site (a JavaScript check or a CAPTCHA), which no feed reader can pass:
/// the feed report should say "bot challenge", not "HTTP 403".
enum BotChallenge {
    /// Marks found in challenge pages, lowercased: Cloudflare's "Just a
    /// moment..." page and its challenge scripts, DDoS-Guard, Imperva
    /// (Incapsula), Sucuri.
    static let bodyMarks = [
        "<title>just a moment...</title>",
        "cf-chl",
        "challenge-platform",
        "/cdn-cgi/challenge",
        "ddos-guard",
        "_incapsula_resource",
        "sucuri website firewall",
        "checking your browser before accessing",
    ]

    /// A page this small that mentions a captcha is a challenge, not an error
    /// page that happens to link to one.
    static let smallPageBytes = 32 * 1024

    /// For a 403, 429 or 503: the response's headers (names lowercased) and the start of its body.
    static func isChallenge(headers: [String: String], body: Data) -> Bool {
        // Cloudflare marks its JavaScript/CAPTCHA interstitials this way.
        if headers["cf-mitigated"]?.lowercased() == "challenge" { return true }
        if headers["server"]?.lowercased() == "ddos-guard" { return true }
        guard !body.isEmpty else { return false }
        let text = String(decoding: body, as: UTF8.self).lowercased()
        if bodyMarks.contains(where: { text.contains($0) }) { return true }
        let isHTML = headers["content-type"]?.lowercased().contains("html") == true
            || text.contains("<html") || text.contains("<!doctype html")
        return isHTML && body.count <= smallPageBytes && text.contains("captcha")
    }
}
