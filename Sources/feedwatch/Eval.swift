import ArgumentParser
import Monitor

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure feeds.conf's keep decision against labelled items.",
        discussion: """
        FILE is JSON Lines: one object per line with "title", "summary", optional "lang" and \
        "label" (1 = keep, 0 = drop); other keys are ignored ("id" names the line in the list of misses). \
        Prints precision, recall and F1 overall and per language, then every false positive and \
        false negative with what fired (or that nothing did).
        """
    )

    @OptionGroup var config: ConfigOption
    @Argument(help: "A JSON Lines file of labelled items.")
    var file: String

    func run() throws {
        let file = self.file
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let samples = try monitoring { () throws(MonitorError) in try RelevanceEvaluator.load(path: file) }
        let report = RelevanceEvaluator(configuration: configuration).evaluate(samples)
        print(EvalTable.describe(report))
    }
}
