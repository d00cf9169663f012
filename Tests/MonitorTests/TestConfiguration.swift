import Foundation
import Config

/// feeds.conf for the monitor tests: the given settings lines, one feed per line
/// ("URL name=x [options]"), and a gazetteer: by default one entity whose topic keeps any
/// item that names Karabakh.
enum TestConfiguration {
    static let karabakhGazetteer = """
        [entity Nagorno-Karabakh]
        kind = region
        spellings = Nagorno-Karabakh, Karabakh

        [topic Karabakh]
        rule = @Nagorno-Karabakh
        """

    static func make(in folder: URL, settings: [String], feedLines: [String],
                     gazetteer: String = karabakhGazetteer) throws -> Configuration {
        let text = (["[settings]"] + settings + ["", "[feeds]"] + feedLines + ["", gazetteer])
            .joined(separator: "\n") + "\n"
        return try ConfigLoader.parse(text, fileName: "feeds.conf", baseDirectory: folder.path)
    }

    /// The settings most monitor tests share: a store and digests in the test's folder, Baku's time.
    static let storeAndDigests = ["database = state.sqlite", "digests = digests", "timezone = Asia/Baku"]
}
