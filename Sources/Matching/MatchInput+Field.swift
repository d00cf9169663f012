import FeedModel

extension MatchInput {
    func text(of field: ItemField) -> String {
        switch field {
        case .title: return title
        case .summary: return summary
        case .content: return content
        }
    }
}
