/// The part of one line that holds (some of) a rule: the text after `rule =`,
/// or a whole continuation line.
struct RuleSegment {
    let line: Int
    let text: LineText
}
