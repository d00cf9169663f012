import FeedModel

/// An [entity NAME] section while it is being read.
struct EntityDraft {
    let name: String
    let line: Int
    var kind: String?
    var kindLine: Int?
    var spellings: [Spelling] = []
    var conditions: [ConditionDraft] = []
    var contested: [ContestedVariant] = []
    var contestedLines: [Int] = []
}
