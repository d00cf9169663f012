/// The section the parser is in; entity and topic sections point at their draft.
enum Section {
    case settings
    case feeds
    case entity(index: Int)
    case topic(index: Int)
    case keep
}
