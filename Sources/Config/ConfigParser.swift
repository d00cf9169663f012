import FeedModel

/// Reads feeds.conf line by line. Each section kind has its own extension;
/// what needs the whole file (entity references in rules, the lock default)
/// is settled in `finish()`.
struct ConfigParser {
    let fileName: String
    let baseDirectory: String

    var settings: Settings
    /// Setting key -> line where it was set.
    var settingLines: [String: Int] = [:]
    /// Setting key -> column of its value, for errors found once the section is read.
    var settingValueColumns: [String: Int] = [:]
    var settingsHeaderLine: Int?

    var feeds: [FeedSource] = []
    /// Feed name -> line where it was defined.
    var feedLines: [String: Int] = [:]

    var entities: [EntityDraft] = []
    var entityLines: [String: Int] = [:]
    var topics: [TopicDraft] = []
    var topicLines: [String: Int] = [:]
    /// The [keep] section, when the file has one.
    var keep: TopicDraft?

    var section: Section?
    var pendingRule: PendingRule?

    init(fileName: String, baseDirectory: String) {
        self.fileName = fileName
        self.baseDirectory = baseDirectory
        self.settings = Settings.defaults(baseDirectory: baseDirectory)
    }

    mutating func parse(_ text: String) throws(ConfigError) -> Configuration {
        for line in SourceLine.lines(of: text) {
            if line.isBlank { continue }
            // An indented "[..." line is still a section header, never a rule word.
            if pendingRule != nil, line.isIndented, line.content.first != "[" {
                pendingRule?.segments.append(RuleSegment(line: line.number, text: line.content))
                continue
            }
            try finishPendingRule()
            if line.content.first == "[" {
                try closeSection()
                try openSection(SectionHeader.parse(line, fileName: fileName), line: line)
                continue
            }
            switch section {
            case nil: throw error(line.number, line.content.column, "line outside any section")
            case .settings: try readSetting(line)
            case .feeds: try readFeed(line)
            case .entity(let index): try readEntityKey(line, entity: index)
            case .topic(let index): try readTopicKey(line, topic: index)
            case .keep: try readTopicKey(line, topic: nil)
            }
        }
        try finishPendingRule()
        try closeSection()
        return try finish()
    }

    private mutating func openSection(_ header: SectionHeader, line: SourceLine) throws(ConfigError) {
        switch header {
        case .settings:
            if let first = settingsHeaderLine {
                throw error(line.number, line.content.column, "duplicate [settings] section (first at line \(first))")
            }
            settingsHeaderLine = line.number
            section = .settings
        case .feeds:
            section = .feeds
        case .keep:
            if let first = keep {
                throw error(line.number, line.content.column, "duplicate [keep] section (first at line \(first.line))")
            }
            keep = TopicDraft(name: "keep", line: line.number)
            section = .keep
        case .entity(let name, let column):
            if let first = entityLines[name] {
                throw error(line.number, column, "duplicate entity \(name) (first at line \(first))")
            }
            entityLines[name] = line.number
            entities.append(EntityDraft(name: name, line: line.number))
            section = .entity(index: entities.count - 1)
        case .topic(let name, let column):
            if let first = topicLines[name] {
                throw error(line.number, column, "duplicate topic \(name) (first at line \(first))")
            }
            topicLines[name] = line.number
            topics.append(TopicDraft(name: name, line: line.number))
            section = .topic(index: topics.count - 1)
        }
    }

    /// Checks that the section just read has what it requires.
    private mutating func closeSection() throws(ConfigError) {
        switch section {
        case .entity(let index):
            let entity = entities[index]
            if entity.kind == nil {
                throw error(entity.line, 1, "entity \(entity.name) has no kind (expected 'kind = ...')")
            }
            if entity.spellings.isEmpty {
                throw error(entity.line, 1, "entity \(entity.name) has no spellings (expected 'spellings = ...')")
            }
            if entity.contested.count == 1, let line = entity.contestedLines.first {
                throw error(line, 1, "entity \(entity.name) has one contested name; a contested name needs "
                                   + "a 'contested = SIDE: spellings' line for each of at least two sides")
            }
        case .topic(let index):
            let topic = topics[index]
            if topic.rule == nil {
                throw error(topic.line, 1, "topic \(topic.name) has no rule (expected 'rule = ...')")
            }
        case .keep:
            if let keep, keep.rule == nil {
                throw error(keep.line, 1, "[keep] has no rule (expected 'rule = ...', e.g. rule = @Karabakh OR @Peace-process)")
            }
        case .settings:
            try checkSettings()
        case .feeds, nil:
            break
        }
        section = nil
    }

    /// Everything is read: resolve @names (an entity, else a topic), check
    /// that topics do not refer to themselves, and assemble the result.
    private mutating func finish() throws(ConfigError) -> Configuration {
        for index in topics.indices {
            var draft = topics[index]
            try resolveReferences(in: &draft)
            topics[index] = draft
        }
        if keep != nil, var draft = keep {
            try resolveReferences(in: &draft)
            keep = draft
        }
        try checkTopicCycles()
        let conditions = try entities.map { entity throws(ConfigError) in try resolveConditions(of: entity) }
        if settingLines["lock"] == nil {
            settings.lockPath = settings.databasePath + ".lock"
        }
        func definition(_ topic: TopicDraft) -> TopicDefinition? {
            topic.rule.map {
                TopicDefinition(name: topic.name, rule: $0, origin: "\(fileName):\(topic.line)", ruleText: topic.ruleText,
                                weight: topic.weight, threshold: topic.threshold)
            }
        }
        return Configuration(
            settings: settings,
            feeds: feeds,
            entities: zip(entities, conditions).map { entity, conditions in
                EntityDefinition(name: entity.name, kind: entity.kind ?? "", spellings: entity.spellings,
                                 origin: "\(fileName):\(entity.line)", conditions: conditions,
                                 contested: entity.contested)
            },
            topics: topics.compactMap(definition),
            keep: keep.flatMap(definition)
        )
    }

    func error(_ line: Int, _ column: Int, _ message: String) -> ConfigError {
        ConfigError(file: fileName, line: line, column: column, message: message)
    }
}
