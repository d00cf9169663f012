import FeedModel

/// An [entity NAME] section while it is being read.
struct EntityDraft {
    let name: String
    let line: Int
    var kind: String?
    var kindLine: Int?
    var spellings: [Spelling] = []
}
