import Foundation
import Config

/// feeds.conf for the monitor tests: the given settings lines, one feed per line
/// ("URL name=x [options]"), and a one-entity gazetteer whose topic keeps any
/// item that names Karabakh.
enum TestConfiguration {
    static func make(in folder: URL, settings: [String], feedLines: [String]) throws -> Configuration {
        let text = (["[settings]"] + settings + ["", "[feeds]"] + feedLines + [
            "",
            "[entity Nagorno-Karabakh]",
            "kind = region",
            "spellings = Nagorno-Karabakh, Karabakh",
            "",
            "[topic Karabakh]",
            "rule = @Nagorno-Karabakh",
        ]).joined(separator: "\n") + "\n"
        return try ConfigLoader.parse(text, fileName: "feeds.conf", baseDirectory: folder.path)
    }
}
