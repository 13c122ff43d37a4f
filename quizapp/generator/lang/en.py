"""English language pack: patterns, templates and word lists, as data only."""

PACK = {
    "code": "en",
    "name": "English",
    "true_false": ["True", "False"],
    "articles": ["the", "a", "an"],
    "elisions": [],
    "decimal_sep": ".",
    "thousands_sep": ",",
    # With a weekday, the words of a day's time ("Tuesday night"): a blank of them only asks the wording.
    "day_time_words": ["morning", "afternoon", "evening", "night", "last", "next", "this", "on"],
    "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "months": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"],
    "abbreviations": ["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "no", "inc", "messrs", "mm", "mme", "mlle",
                      "a.m", "p.m", "op", "k", "bwv", "ch",
                      "corp", "co", "ltd", "u.s", "u.k", "a.d", "b.c", "fig", "vol", "gen", "col", "lt", "sgt",
                      "capt", "gov", "sen", "rep", "mt", "ft", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
                      "aug", "sep", "sept", "oct", "nov", "dec"],
    "list_conjunctions": ["and", "or", "as well as"],
    "item_stoppers": ["with", "in", "for", "on", "by", "that", "which", "who", "when", "where", "while",
                      "because", "but", "is", "are", "was", "were", "has", "have", "from", "to", "of", "at", "as"],
    "stopwords": (
        "a an the and or but if of in on at by for with from to into onto over under about after before "
        "during since until than as that this these those which who whom whose what when where why how "
        "is are was were be been being am has have had having do does did can could may might must shall "
        "should will would it its it's he him his she her hers they them their theirs we us our you your i "
        "me my not no nor so also too very more most less least many much some any each every all both "
        "either neither other another such own same only just then there here thus however although though "
        "while because between among through against within without upon per via there's one two s "
        "also including include includes included became become becomes known called "
        # Connectives and adverbs of time that end a noun phrase: "the cold front therefore" is not an answer.
        "therefore hence moreover furthermore nevertheless nonetheless meanwhile instead otherwise often "
        "sometimes always never already still even again usually "
        # Reflexive pronouns: "the good itself causes" holds no term beyond "good".
        "itself themselves himself herself "
        # "questions like these": a preposition, not part of the noun phrase.
        "like unlike "
        # Prepositions of place: "below atmospheric pressure" is a bound, not a term.
        "below above across along around behind beyond beneath out"
    ).split(),
    "verb_lemma_suffixes": [],
    "date_patterns": [
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) [0-3]?\d(?:st|nd|rd|th)?,? \d{3,4}\b",
        r"\b[0-3]?\d(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December),? \d{3,4}\b",
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December),? \d{3,4}\b",
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) [0-3]?\d(?:st|nd|rd|th)?\b",
        r"\b[0-3]?\d(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
        # "on Monday the 21st of October", "the 4th of July, 1776".
        r"\b[0-3]?\d(?:st|nd|rd|th) of (?:January|February|March|April|May|June|July|August|September|October|November|December)(?:,? \d{3,4})?\b",
        # Decades and centuries: "the late 1980s", "the mid-18th century".
        r"\b(?:early |mid-|mid |late )?(?:1[0-9]|20)[0-9]0s\b",
        r"\b(?:early |mid-|mid |late )?(?:1?\d|20)(?:st|nd|rd|th)[ -]century\b",
    ],
    # Ranges are one answer: "1963-1989", "7 to 10 percent", "between 1870 and 1939".
    # {num} is a number in figures or words, {unit} an optional unit of quantity_units.
    "range_patterns": [
        r"{num} ?[-–] ?{num}{unit}",
        r"\b(?:from |between )?{num} (?:to|and) {num}{unit}",
    ],
    # Words before (and eras after) a number of up to three figures that make it a year ("in AD 79", "814 AD").
    # How a text names a term ("a process called cementation"): named terms of one kind are each other's options.
    "naming_cues": ["called", "known as", "termed", "referred to as"],
    "year_cues": ["in", "from", "until", "year", "since", "by", "ad", "in ad", "around", "before", "after"],
    # A person's second given name is a middle name, left out in use ("William Cremer" for "William Randal Cremer").
    "middle_names": True,
    # Marks after a time of day ("7.25 p.m."): the number before them is a clock time, not a decimal.
    "clock_after": ["a.m.", "p.m.", "am", "pm"],
    # Words after which a full date's blank also takes its year alone ("the Act of ____").
    "year_of_words": ["of"],
    "era_marks": ["ad", "bc", "bce", "ce"],
    "year_pattern": r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)",
    "deadline_cues": [r"\bby (?:the end of |the year |)(?P<year>(?:1[0-9]{3}|20[0-9]{2}))\b",
                      r"\bno later than (?P<year>(?:1[0-9]{3}|20[0-9]{2}))\b"],
    "goal_cues": [r"\bwith the (?:aim|goal|objective) of ", r"\baims? to ", r"\baimed to ", r"\bin order to ",
                  r"\bwith a view to ", r"\bseeks? to ", r"\bhas the goal of "],
    "quantity_units": [
        "%", "percent", "per cent", "km", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "m",
        "kg", "kilograms", "pounds", "lb", "tons", "tonnes", "degrees", "°C", "°F", "hours", "minutes",
        "seconds", "years", "months", "days", "people", "inhabitants", "residents", "billion", "million",
        "thousand", "dollars", "euros", "pounds sterling", "yen", "kWh", "MW", "GW", "watts", "mph", "km/h",
        "square miles", "square kilometres", "acres", "hectares", "litres", "liters", "barrels", "feet", "times",
    ],
    "money_words": ["dollars", "euros", "yen", "pounds", "rupees", "yuan", "francs", "roubles", "rubles", "pesos", "$", "€", "£"],
    "percent_words": ["%", "percent", "per cent"],
    # What a multiplier counts, written after it: "5 million dollars" is one amount.
    "unit_tail": r" (?:dollars|euros|pounds|yen|people|tons|tonnes|barrels|miles|kilometres|kilometers)\b",
    "member_cues": [
        r"\b[Aa]mong (?P<art>the) (?P<group>[^,;:]+?) (?:are|were|is|was) (?:also )?",
    ],
    "benefit_cues": [
        r"\b(?:[Aa]mong )?(?P<art>[Tt]he|[Ii]ts|[Tt]heir) (?P<head>(?:main |key |chief |major |principal )?(?:advantages|benefits|strengths|drawbacks|disadvantages|downsides|weaknesses|limitations)\b[^,;:]*?) (?:are|include|were|included) (?:also )?",
    ],
    "drawback_words": ["drawbacks", "disadvantages", "downsides", "weaknesses", "limitations"],
    "one_of": {"the": "one of the", "The": "one of the", "its": "one of its", "Its": "one of its",
               "their": "one of their", "Their": "one of their"},
    "list_verbs": ["brings together", "bring together", "includes", "include", "involves", "involve",
                   "challenging", "challenges", "unites", "unite", "comprises", "comprise", "consists of",
                   "composed of", "made up of"],
    "acronym_skip_words": ["of", "the", "and", "for", "in", "on", "to", "a", "an"],
    "definition_pattern": r"^(?P<term>(?:(?:The|An|A) )?[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|the)){0,4}) (?:is|are|was|were) (?P<definition>(?:a|an|the) .{8,})$",
    "anaphora": ["the initiative", "this initiative", "the consortium", "this consortium", "the project", "this project"],
    # Comparatives and their opposites: a benefit stated the other way round is a false statement.
    "opposites": {"greater": "lower", "higher": "lower", "lower": "higher", "more": "less", "less": "more",
                  "better": "worse", "worse": "better", "larger": "smaller", "smaller": "larger",
                  "faster": "slower", "slower": "faster", "increase": "reduce", "reduce": "increase",
                  "increased": "reduced", "reduced": "increased", "cheaper": "costlier", "costlier": "cheaper",
                  "denser": "lighter", "lighter": "heavier", "heavier": "lighter", "warmer": "colder",
                  "colder": "warmer", "hotter": "colder", "shallower": "steeper", "steeper": "shallower",
                  "longer": "shorter", "shorter": "longer", "older": "younger", "younger": "older",
                  "wetter": "drier", "drier": "wetter", "stronger": "weaker", "weaker": "stronger",
                  "thicker": "thinner", "thinner": "thicker", "wider": "narrower", "narrower": "wider",
                  "deeper": "shallower", "bigger": "smaller", "richer": "poorer", "poorer": "richer"},
    # Capitalised only because they open the sentence: never the start of a name.
    "sentence_openers": ["according", "following", "despite", "unlike", "like", "although", "initially", "later", "today", "currently", "after", "before", "during"],
    # (And the links of foreign place names: "Frankfurt am Main", "Kingston upon Hull", "Châlons sur Marne".)
    "name_connectors": ["of", "the", "de", "des", "du", "von", "van", "da", "&", "for", "am", "upon", "sur"],
    # Links of foreign place names whose first part is the short name ("Frankfurt am Main": "Frankfurt").
    "foreign_place_links": ["am", "upon", "sur"],
    # Contests by their last word: "Volleyball Nations League" is also "Nations League".
    "event_words": ["cup", "championship", "championships", "open", "trophy", "games", "tour", "prize", "award", "festival", "series", "classic"],
    # Names after a generic head: "Operation Overlord" is also "Overlord".
    "name_heads": ["operation", "project", "mission", "programme", "program", "campaign"],
    # "the Caro-Kann Defence", "the Krebs cycle": the name before a generic head is how people call it.
    "name_tails": ["defence", "defense", "gambit", "opening", "variation", "attack", "theorem", "paradox",
                   "conjecture", "cycle", "syndrome", "disease", "equation", "constant", "principle"],
    # "cap of wax" is also a "wax cap": English compounds a noun of another that way round.
    "of_compound": "of",
    "org_words": ["university", "administration", "authority", "institute", "ministry", "organization",
                  "organisation", "agency", "bank", "party",
                  "council", "commission", "society", "association", "federation", "foundation", "company",
                  "corporation", "inc", "academy", "committee", "union", "consortium", "group", "museum", "school",
                  "church", "army", "college", "department", "league", "club", "court"],
    "person_titles": ["president", "king", "queen", "pope", "dr", "professor", "mr", "mrs", "general", "emperor",
                      "prince", "saint", "st", "minister", "mayor", "bishop", "sir", "lord", "governor", "captain",
                      "admiral", "colonel", "lieutenant", "sergeant", "senator", "secretary", "chancellor", "cardinal",
                      "archbishop", "duke", "duchess", "sultan", "ambassador", "commander", "premier", "ms", "miss",
                      "mp", "mep", "congressman", "congresswoman", "councillor", "taoiseach", "tánaiste", "chief",
                      "rabbi", "imam", "pastor", "judge", "justice", "inspector", "detective", "consul", "reverend", "rev", "father", "abbot", "friar",
                      # The courtesy titles of the foreign press ("Signor Benito Mussolini", "Herr Hitler").
                      "signor", "signora", "herr", "frau", "monsieur", "madame", "mme", "señor", "señora", "pandit",
                      # Sports roles before a name ("striker Jamie Vardy", "Goalkeeper Kasper Schmeichel").
                      "goalkeeper", "keeper", "striker", "forward", "winger", "midfielder", "defender",
                      "full-back", "centre-back", "left-back", "right-back", "coach", "manager", "playmaker"],
    # A year a past state was reached by ("By 1896 he had qualified"): every later year is right too.
    "deadline_words": ["by"],
    # A quantifier that opens a blank ("several of the watertight compartments"): the rest answers too.
    "partitive_openers": ["several of the", "some of the", "many of the", "most of the", "all of the", "one of the",
                          "two of the", "three of the", "four of the", "five of the", "part of the", "each of the",
                          "several of", "some of", "many of", "most of", "all of", "part of"],
    # What people are, written before their name ("the pianist Lil Hardin"): the name is a person's.
    "person_roles": ["singer", "contralto", "soprano", "tenor", "pianist", "cornetist", "trumpeter", "violinist",
                     "composer", "conductor", "musician", "painter", "sculptor", "architect", "writer", "novelist",
                     "poet", "playwright", "philosopher", "physicist", "chemist", "biologist", "astronomer",
                     "mathematician", "scientist", "engineer", "inventor", "explorer", "aviator", "pilot",
                     "astronaut", "cosmonaut", "journalist", "historian", "actor", "actress", "director",
                     "photographer", "economist", "activist", "leader", "preacher", "monk", "friar",
                     # The sciences' and scholars' own ("the Dutch botanist Frits Went", "the archaeologist
                     # Daya Ram Sahni"): the name after them is a person's whatever its given name.
                     "botanist", "zoologist", "archaeologist", "archeologist", "geologist", "naturalist",
                     "anatomist", "physician", "surgeon", "physiologist", "geneticist", "biochemist",
                     "bacteriologist", "microbiologist", "ornithologist", "entomologist", "palaeontologist",
                     "paleontologist", "egyptologist", "anthropologist", "psychologist", "sociologist", "linguist",
                     "geographer", "cartographer", "navigator", "mountaineer", "missionary", "banker",
                     "industrialist", "entrepreneur", "businessman", "diplomat", "politician", "statesman",
                     "lawyer", "scholar", "theologian", "priest", "abbot", "nun", "illustrator", "dancer",
                     "ballerina", "choreographer", "guitarist", "organist", "cellist", "songwriter", "filmmaker",
                     "screenwriter", "cyclist", "boxer", "footballer", "athlete", "sprinter", "swimmer", "jockey"],
    # Honorifics before a surname alone ("Mr Ahern"): the surname is the name.
    "honorifics": ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "signor", "signora", "herr", "frau",
                   "monsieur", "madame", "mme", "mlle", "mm", "messrs", "señor", "señora", "pandit"],
    "titles_kept_in_names": ["saint", "st"],
    # Nationalities written before a name ("the Norwegian Viktor Hovland"): the person is the name after it.
    "nationality_words": ["american", "british", "english", "scottish", "welsh", "irish", "french", "german",
                          "italian", "spanish", "portuguese", "dutch", "belgian", "swiss", "austrian", "swedish",
                          "norwegian", "danish", "finnish", "icelandic", "polish", "czech", "slovak", "hungarian",
                          "romanian", "bulgarian", "greek", "turkish", "russian", "ukrainian", "serbian", "croatian",
                          "slovenian", "canadian", "mexican", "brazilian", "argentine", "argentinian", "chilean",
                          "colombian", "peruvian", "venezuelan", "cuban", "jamaican", "australian", "zealander",
                          "chinese", "japanese", "korean", "indian", "pakistani", "iranian", "iraqi", "israeli",
                          "egyptian", "moroccan", "nigerian", "kenyan", "ethiopian", "ghanaian", "south african",
                          "algerian", "tunisian", "saudi", "thai", "vietnamese", "indonesian", "filipino"],
    "place_preps": ["in", "at", "from", "to", "near", "into"],
    "list_items_need_article": False,
    # Where a noun phrase keeps its head noun: a blank may lose the modifiers on the other side.
    "phrase_head": "last",
    # After a singular article, a noun phrase does not end in a plural: "a warm front forms" ends in a verb.
    "singular_articles": ["a", "an"],
    "plural_ending": "s",
    # Words that open a clause whose subject may be followed by a verb that looks like a
    # noun ("when these free electrons drift", "the curve shifts when…").
    # Auxiliaries before a subject: the bare form after the subject is the verb ("does a cup of coffee cost").
    "auxiliaries": ["do", "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might", "must"],
    "subject_clause_openers": ["when", "whenever", "if", "while", "because", "although", "though", "that",
                               "where", "whereas", "how", "why", "once", "unless", "so", "and", "but"],
    # Words that count or sort what follows them: in "species of molluscs" the answer is "molluscs" too.
    # Generic heads of a place's name: "Windsor Castle" is answered "Windsor" too.
    "place_heads": ["Castle", "Palace", "Abbey", "Cathedral", "Space Center", "Space Centre", "Stadium",
                    "Airport", "Bridge", "Tower", "Island", "Islands", "Peninsula", "Reef", "River", "National Park",
                    "Ocean", "Sea", "Desert", "Mountains", "Canal", "Strait", "Gulf", "Coast", "Hotel", "Square", "Pavilion",
                    # Foreign streets by their names ("Rua António Maria Cardoso" is "António Maria Cardoso").
                    "Rua", "Rue", "Calle", "Avenida", "Via",
                    "Theatre", "Theater", "Arena", "Forum", "Hall", "Cosmodrome", "Spaceport", "Observatory",
                    # Generic ends of indices and institutions: "Dow Jones Industrial Average" is "the Dow Jones".
                    "Industrial Average", "Composite Index",
                    # Generic ends of Japanese shrines and temples: "Fushimi Inari Taisha" is "Fushimi Inari".
                    "Taisha", "Jinja", "Jingū", "Shrine", "Temple",
                    # Streets ("Piquette Avenue" is "Piquette") and what an event or a state is of
                    # ("Battle of Edington" is "Edington", "Kingdom of Württemberg" "Württemberg").
                    "Avenue", "Street", "Boulevard", "Fort", "Mount", "House of", "Battle of", "Siege of", "Treaty of",
                    "Kingdom of", "Duchy of", "Republic of", "Empire of", "Viceroyalty of", "Principality of",
                    "County of",
                    # Waters, capes and hospitals by their names ("Strait of Tiquina" is "Tiquina", "Necker
                    # Hospital" "Necker", "Lake Titicaca" "Titicaca").
                    "Strait of", "Gulf of", "Bay of", "Lake", "Cape", "Isle of", "Hospital"],
    # Heads that open the names they head ("Mount Cook", "Fort Sumter"): "Olive Mount" is a name whole.
    "place_heads_first": ["Mount", "Fort", "Cape", "Isle of", "Lake"],
    # Kinds of named buildings and sites by their head word: another of the same kind the text
    # names is a wrong option for an unknown place ("Windsor Castle" for "Buckingham Palace").
    "place_groups": {"residence": ["Castle", "Palace", "House", "Residence"],
                     "church": ["Abbey", "Cathedral", "Church", "Chapel", "Basilica", "Minster", "Mosque",
                                "Synagogue", "Temple", "Shrine"],
                     "arena": ["Stadium", "Arena"], "museum": ["Museum", "Gallery"], "bridge": ["Bridge"],
                     "airport": ["Airport"], "square": ["Square", "Plaza"], "station": ["Station"],
                     "university": ["University", "College"], "observatory": ["Observatory", "Telescope"]},
    # Words that give the birth of the text's subject in its lead: no false year comes before it.
    # An age in a year ("At 15 he swam … in 2000"): the subject's birth year, when the lead gives none.
    # A person's age on the day of a news article: "Nadia Comaneci, 14,", "a 14-year-old schoolgirl".
    "age_now": r"(?:^|\s)[A-Z][\w'’-]+, (\d{1,2}),|\b(\d{1,2})-year-old\b",
    "age_at": r"\b(?:[Aa]t|[Aa]ged|[Aa]t the age of) (\d{1,2}),? (?:he|she)\b[^.]{0,60}?\b(1[0-9]{3}|20[0-9]{2})\b",
    # A country's adjective is swapped only before its noun: "the Swiss" (the player) has no "the Spanish".
    "demonym_before_noun": True,
    "birth_cues": ["born"],
    # Words before an age: with a birth year in the text, the age is arithmetic, not a fact.
    # An age the answer names ("his 23rd birthday"): the text's birth year and date compute it.
    "age_words": ["birthday"],
    "age_cues": ["aged", "turns", "turned", "will turn", "at the age of", "age of"],
    # Days a report counts from its dateline ("yesterday, Friday, December 11"): the date that follows is the dateline's.
    "relative_days": ["yesterday", "today", "tonight", "this morning", "this afternoon", "this evening", "tomorrow"],
    # Street words: the number beside them is an address ("10 Downing Street", "7 rue des Grands-Augustins").
    "street_words": ["street", "road", "avenue", "lane", "square", "place", "boulevard", "terrace", "rue", "via"],
    # After an hour of the day ("ten o'clock"): an hour in words does not say whether at night (22).
    "hour_after": ["o'clock", "o’clock"],
    # Words that open a relative clause: a statement cut mid-sentence may end before them.
    "clause_relatives": ["which", "who", "whose", "where", "while", "whereas"],
    # Last words of firms' names, never a surname ("Kiniksa Pharmaceuticals" is not "Pharmaceuticals").
    "firm_endings": ["pharmaceuticals", "therapeutics", "technologies", "technology", "systems", "motors",
                     "airlines", "airways", "holdings", "laboratories", "labs", "industries", "solutions",
                     "networks", "partners", "capital", "ventures", "biotech", "energy", "electronics", "media",
                     "software", "robotics", "semiconductors", "chemicals", "foods", "brands", "entertainment"],
    "phrase_classifiers": ["species", "kind", "kinds", "type", "types", "sort", "sorts", "form", "forms",
                           "variety", "varieties", "group", "groups", "amount", "amounts", "number",
                           "outbreaks", "thousands", "millions", "hundreds", "dozens", "piece", "pieces", "series", "set",
                           "sets", "pair", "pairs", "level", "degree", "ring", "circle", "row", "cluster"],
    "phrase_links": ["of", "of the", "of a", "of an", "and", "and the"],
    # Numbers written as words: asked as numbers, graded exactly.
    "number_words": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12},
    # Wh-questions: the phrase that states a year ({year}), taken out to ask "in which year";
    # English moves an auxiliary before the subject ("was the city founded").
    "wh": {"year_phrase": r"(?<!\w)[Ii]n {year}\b,?", "invert": ["was", "were"]},
    # Cues of attribution: who reported the news is wording, not a fact worth asking.
    "worth": {
        # Headings of a textbook's exercises: what follows asks, it states nothing to be asked about.
        "exercise_headings": ["check your understanding", "questions", "exercises", "review questions",
                              "test yourself", "activities"],
        "worked_example_labels": ["worked example", "example", "examples", "for example"],
        # A blank that opens with these, or follows them with a participle, is a verb phrase
        # ("any legal challenges ____": "are resolved"), not a fact.
        "verb_openers": ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had"],
        # A blank holding one of these is a clause ("made up of ____": "everyone who is either employed").
        "relative_pronouns": ["who", "whom", "whose", "which", "that"],
        "participle_endings": ["ed"],
        # Word endings of evaluative adjectives, which say how the writer sees it, not what happened.
        "evaluative_endings": [],
        # Words of degree before an adjective ("how ____ the project is"): the writer's judgement.
        "degree_words": ["how", "so", "very", "too", "quite", "rather", "extremely", "highly"],
        # Also the source's trivia: the journal a study was published in, a speaker's institute
        # ("said Sheperd Doeleman of the ____").
        "reporting_before": r"(?:\baccording to|\b(?:as )?reported by|\bsaid|\btold|\bwrote|\b(?:cited|quoted) by|\bsources? (?:at|in|close to)|\b(?:published|papers?)\b[^.]{0,25}?\bin(?=\s+the\b)|\bin the journal|\b(?:[Rr]eports|[Nn]ews|[Ww]ord|[Tt]elegrams?|[Mm]essages?|[Dd]ispatches) (?:from|reaching)|\b(?:said|told|wrote)\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:of|at|from))\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$",
        # A speaker's words: a blank inside quotation marks in a sentence with one of these is a quotation.
        "speech": r"\b(?:said|says|told|added|stressed|declared)\b",
        "reporting_after": r"^\s*,?\s*(?:said|says|told|reported|reports|wrote|announced|stated|added|explained)\b",
        # Who commented or reacted: a person named once for that is no fact to ask.
        "reaction": r"\b(?:called|said|says|described|welcomed|praised|critici[sz]ed|commented|responded|reacted|expressed|hailed|congratulated|thanked)\b",
        # Words that judge ("a remarkable comeback", "a stunning victory"): a blank on them asks for the reporter's words.
        "evaluative_words": ["remarkable", "extraordinary", "incredible", "stunning", "spectacular", "dramatic",
                             "impressive", "memorable", "brilliant", "superb", "magnificent", "fantastic", "amazing",
                             "astonishing", "sensational", "emotional", "thrilling"],
        # Abstract nouns ("rivalry", "eagerness"): said once, they have synonyms a blank does not rule out.
        "abstract_endings": ["ity", "ness", "ism", "ence", "ance"],
        "hypothetical": r"^(?:suppose|imagine|if|for example|for instance|say)\b",
        # A supposition whose paragraph goes on with its made-up figures.
        "supposition": r"^(?:suppose|imagine|let us suppose|let's suppose)\b",
        # Words of a calculation between two numbers ("25 divided by 25"): the result is worked out.
        "arithmetic_words": ["divided by", "multiplied by", "times", "plus", "minus"],
        # Hollow nouns: "the goals set", "the results obtained" say there is an aim, not which.
        # Prepositions that never end an answer ("the rate at"): the blank was cut before their object.
        "dangling": ["of", "at", "in", "on", "to", "for", "with", "by", "from", "into", "than"],
        "hollow_nouns": ["goal", "goals", "target", "targets", "objective", "objectives", "result", "results",
                         "aim", "aims", "requirements", "criteria", "standards", "limits"],
        "participle_endings": ["ed"],
        # How the text calls a ruler ("His Majesty", "the Sovereign"): the name is the fact, not the style.
        # (Content words: "His Majesty" is "majesty" without its possessive.)
        "forms_of_address": ["majesty", "highness", "holiness", "excellency", "eminence", "sovereign", "monarch",
                             "lordship", "ladyship", "royal highness"],
    },
    # Words that make an amount a bound ("more than 150 years"): any larger amount is true too.
    # Bounds open on one side: a typed number other than the text's completes the sentence as truly.
    "open_bounds": ["over", "more than", "at least", "above", "less than", "under", "below", "exceed", "exceeds", "exceeded", "larger than", "greater than", "higher than", "fewer than"],
    "bounds": ["over", "more than", "at least", "less than", "up to", "nearly", "almost", "under", "within", "above", "below",
               "after", "before", "until", "since", "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassing",
               "top", "tops", "topped", "larger than", "bigger than", "greater than", "smaller than", "longer than",
               "shorter than", "higher than", "lower than", "wider than", "heavier than", "lighter than",
               "faster than", "slower than", "older than", "younger than"],
    # Words that make an amount approximate ("about 5 litres"): near misses would be right too.
    # The largest value an amount takes, by its unit and a word of its sentence: no "138 degrees" of latitude.
    # Units of measure and their size in a base unit, by dimension: an amount that converts another
    # of the text ("1,250 feet" beside "381 metres") restates it.
    "unit_factors": {"metres": ["length", 1], "meters": ["length", 1], "metre": ["length", 1], "m": ["length", 1],
                     "feet": ["length", 0.3048], "foot": ["length", 0.3048], "ft": ["length", 0.3048],
                     "kilometres": ["length", 1000], "kilometers": ["length", 1000], "km": ["length", 1000],
                     "miles": ["length", 1609.344], "mile": ["length", 1609.344],
                     "inches": ["length", 0.0254], "centimetres": ["length", 0.01], "centimeters": ["length", 0.01],
                     "cm": ["length", 0.01], "yards": ["length", 0.9144],
                     "kilograms": ["mass", 1], "kilogrammes": ["mass", 1], "kg": ["mass", 1],
                     "pounds": ["mass", 0.45359], "lb": ["mass", 0.45359], "tonnes": ["mass", 1000],
                     "tons": ["mass", 907.18], "litres": ["volume", 1], "liters": ["volume", 1],
                     "gallons": ["volume", 3.785]},
    "number_bounds": [
        {"units": ["degrees", "°"], "context": ["latitude"], "max": 90},
        {"units": ["degrees", "°"], "context": ["longitude"], "max": 180},
        # A closed scale, named right after the value: Mohs hardness runs from 1 to 10 (review 42: "11").
        {"scale": ["mohs"], "context": [], "max": 10},
        # A living body's temperature: no mammal lives at 44 °C (review 42).
        {"units": ["°c", "°", "degrees"], "context": ["body"], "max": 42},
        {"units": ["metres", "meters", "m"], "context": ["height", "high", "tall", "summit", "altitude", "elevation",
                                                          "peak", "mountain", "climb", "climbers"], "max": 8849},
        {"units": ["feet", "ft"], "context": ["height", "high", "tall", "summit", "altitude", "elevation", "peak",
                                              "mountain", "climb", "climbers"], "max": 29032},
        # A player's age: no 47-year-old captain in a final.
        {"units": ["years", "year"], "context": ["captain", "player", "striker", "goalkeeper", "defender", "midfielder",
                                                 "footballer", "athlete", "sprinter", "forward", "winger"], "max": 41},
        # A person's age: nobody dies at 110 ("He was 84 and had been ill").
        {"units": ["years", "year-old"], "context": ["aged", "died", "age", "turned", "turn", "turns"], "max": 100},
        # The minute of a football match: at most 120, with extra time.
        {"units": ["minute", "minutes", "'"], "context": ["match", "final", "goal", "penalty", "penalties",
                                                        "extra time", "equaliser", "equalizer", "corner"], "max": 120},
    ],
    # Words for a number's sign: "below minus 90" bounds the number after them.
    "sign_words": ["minus", "plus"],
    # Words that count years from another time: the year asked is a sum of two the quiz may show.
    "elapsed_cues": ["years after", "years later", "years since", "years from", "years on from", "anniversary",
                     "centenary", "bicentenary"],
    # Pronouns standing for a noun of the sentence: a blank goes on after them ("include those of | Kuniya").
    "pronoun_heads": ["those of", "that of", "the one of", "the ones of"],
    # Times counted back from the article's date ("exactly one year ago"): its date gives the one asked.
    "ago_cues": ["year ago", "years ago"],
    # A phrase cut at a participle whose agent follows ("the curve studied | by Agnesi") is cut short.
    "agent_words": ["by"],
    "participle_endings": ["ed"],
    # An age or a span of years beside a year: with the article's date or another year of the sentence,
    # the year asked is a sum ("the 32-year-old, born in ____", "began in ____ and took three years").
    "years_counted": r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b|\baged \w+|\b(?:lasted|lasting|took|taking)\b"
                     r"(?: \S+){0,4}? years\b",
    # Words that restate an amount in other terms ("30,000 a day, or 11 million a year").
    "restatement_words": ["or", "that is", "i.e.", "equivalent to"],
    # Words that count years: "36 years ago" with 1986 in the sentence and a 2022 article is arithmetic.
    "years_words": ["years", "year"],
    # Fractions and amounts written in words, that make an amount of the sentence computable ("two thirds of
    # 133 votes, that is 89"; "28 minutes, nearly half an hour").
    "fraction_words": {"half": 0.5, "a third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "three quarters": 0.75,
                       "twice": 2, "double": 2, "three times": 3},
    "amount_words": {"half an hour": [30, "minutes"], "an hour": [60, "minutes"], "a day": [24, "hours"],
                     "a week": [7, "days"], "a fortnight": [14, "days"], "a decade": [10, "years"],
                     "a century": [100, "years"]},
    # Amounts every student knows already: "a year lasts about ____" (365 days) does not ask the text.
    "known_amounts": ["365 days", "24 hours", "60 minutes", "60 seconds", "7 days", "12 months", "52 weeks",
                      "100 years", "1000 years", "100 degrees", "0 degrees"],
    # Events held every so many years: a false year of one is another of its years ("1992 Olympics", not 1991).
    # Years everyone knows from the event the sentence names: asking them tests no reading
    # ("When the French Revolution broke out in ____", review 42).
    "famous_years": {"1066": ["battle of hastings", "norman conquest"], "1492": ["columbus"],
                     "1776": ["declaration of independence"],
                     "1789": ["french revolution", "storming of the bastille"], "1815": ["waterloo"],
                     "1914": ["first world war", "world war i", "great war"],
                     "1939": ["second world war", "world war ii"], "1945": ["hiroshima"],
                     "1969": ["apollo 11", "first men on the moon", "moon landing"],
                     "1989": ["berlin wall"]},
    "recurring_events": {"olympics": 4, "olympic games": 4, "olympic": 4, "paralympics": 4, "paralympic": 4,
                         "world cup": 4,
                         "commonwealth games": 4, "european championship": 4, "european championships": 4,
                         "euros": 4},
    # Feasts that fix a date's month ("25 December, Christmas Day").
    "feasts": ["christmas", "easter", "new year's day", "new year's eve", "good friday", "boxing day", "halloween",
               "thanksgiving", "independence day", "bastille day", "all saints' day", "epiphany", "whit monday"],
    # Words after an amount that make it a bound ("10 million or more"): near misses beyond it are true.
    # Adverbs of frequency between a bound and its number ("often exceeds 100 kg", "over even 100").
    "frequency_adverbs": ["often", "usually", "generally", "typically", "sometimes", "even", "regularly"],
    "bounds_after": ["or more", "or less", "or fewer", "or over", "or higher", "or lower", "and more", "and over",
                     "and above", "plus"],
    # Words between a part and its whole ("832 votes out of 995"): a wrong whole is never below the part.
    "part_of_whole": ["out of"],
    # The word after a measure's name before its amount ("below a depth of 8,200 metres").
    "measure_links": ["of"],
    # Units of amounts measured finely even to a tenth ("20.7 seconds"): near misses stay close.
    "fine_units": ["seconds", "second", "s", "sec", "secs"],
    # Words naming part of a decade: "late 1930s" is answered "1930s" too.
    "period_modifiers": ["late", "early", "mid", "mid-"],
    "century_words": ["century"],
    "approximations": ["about", "around", "roughly", "approximately", "nearly", "almost", "some", "circa", "c.",
                       "over", "more than", "just over", "just under", "estimated", "of the order of",
                       "on the order of", "in the region of"],
    # The same after the amount and its unit ("20 minutes or so").
    "approximations_after": ["or so", "approximately", "roughly", "or thereabouts"],
    # Sentences that open by pointing back ("This is known as…") lean on the one before.
    # The word before a verb in its bare form ("aims to develop and to produce").
    "infinitive_markers": ["to"],
    "anaphoric_openers": ["this", "these", "those", "such", "thus"],
    # Opening the sentence before the blank ("Other ____ polymerise in the same way"): which, the sentence before says.
    "contrast_openers": ["other", "the other"],
    # Words near a sentence's start that lean on the sentence before ("In 1947 they demonstrated…").
    "context_words": ["they", "the two", "both men", "instead", "today"],
    # Words opening a sentence that only the sentence before explains ("It passes into…").
    # Words that open a list of examples: a blank among them has other right answers ("such as ____").
    "example_cues": ["such as", "including", "for example", "for instance", "e.g.", "among them", "among others",
                     "examples include", "examples are", "an example is", "examples of these are"],
    # Words that end a phrasal verb ("given up"): a phrase ending in one has no head noun last.
    "verb_particles": ["up", "down", "off", "out", "away", "back", "over", "through", "apart"],
    # Place words before a name that a student may write with it ("the river Thames").
    "place_words": ["river", "lake", "mount", "square", "street"],
    # Links between a person's name and a place ("Alcuino di York"): the name alone is the answer too.
    "name_of_place_links": ["of"],
    # Fixed phrases: the word inside one is no fact ("by virtue of", "in spite of").
    # Well-known abbreviations of common terms: "AI" answers as well as "artificial intelligence".
    # Units after a number, abbreviated and written out: "4x100 m" is "4x100 metres".
    # Endings of adjectives ("tectonic", "technical"): beside the head noun they describe it, they do not name it.
    "adjective_endings": ["al", "ic", "ous", "ive", "ary", "ful", "less", "able", "ible"],
    # "the ash cloud eastwards": a direction after a phrase is no part of the answer.
    "adverb_endings": ["wards", "ward"],
    "unit_names": {"m": ["metres", "meters"], "km": ["kilometres", "kilometers"], "cm": ["centimetres", "centimeters"],
                   "mm": ["millimetres", "millimeters"], "kg": ["kilograms", "kilos"], "g": ["grams"],
                   "km/h": ["kilometres per hour"], "mph": ["miles per hour"], "ft": ["feet"], "lb": ["pounds"]},
    "known_abbreviations": {"artificial intelligence": ["AI"], "gross domestic product": ["GDP"],
                            "european union": ["EU"], "deoxyribonucleic acid": ["DNA"], "ribonucleic acid": ["RNA"],
                            "carbon dioxide": ["CO2"], "united nations": ["UN"], "european central bank": ["ECB"],
                            "international monetary fund": ["IMF"], "electric vehicles": ["EVs", "EV"],
                            "electric vehicle": ["EV"]},
    "fixed_phrases": ["by virtue of", "in spite of", "on behalf of", "in terms of", "by means of", "in favour of",
                      "in favor of", "in front of", "in charge of", "on top of", "in place of", "by way of",
                      "in view of", "in the course of", "on account of", "in the wake of", "at the expense of", "balance of power"],
    "pronouns": ["it", "its", "they", "their", "them", "he", "his", "him", "she", "her"],
    # Modifiers that describe rather than classify: "tiny vessels" is no kind of vessel (siblings.py).
    "generic_modifiers": [
        "several", "similar", "single", "tiny", "small", "smaller", "large", "larger", "big", "bigger", "huge",
        "vast", "little", "new", "old", "original", "given", "chosen", "many", "few", "other", "same",
        "different", "whole", "total", "main", "certain", "various", "important", "major", "great", "good",
        "bad", "long", "short", "full", "entire", "special", "particular", "common", "general", "own", "real",
        "simple", "basic", "typical", "usual", "normal", "further", "following", "previous", "next", "last",
        "recent", "modern", "current", "present", "possible", "specific", "key", "overall", "much", "more",
        "most", "less", "least", "best", "better", "worse", "worst", "significant", "strong", "weak", "wide",
        "narrow", "deep", "clear", "separate", "individual", "numerous", "multiple", "extra", "additional",
        "average", "human", "adult", "famous", "known", "well-known", "rapid", "slow", "fast", "quick", "huge",
        "largest", "smallest", "biggest", "highest", "lowest", "longest", "shortest", "oldest", "newest",
        "distant", "nearby", "entire", "actual", "true", "false", "correct", "whole", "complete", "single",
        "same", "such", "own", "very", "only", "even", "still", "also", "just", "next", "thick", "thin",
        "inside", "outside", "within", "around", "through", "across", "along", "together", "today", "then",
    ],
    # Modifiers that exclude each other in the world: a term swapped within a set is false.
    "contrast_sets": [
        ["left", "right"], ["upper", "lower"], ["inner", "outer"], ["internal", "external"],
        ["northern", "southern"], ["eastern", "western"], ["north", "south"], ["east", "west"],
        ["first", "second", "third", "fourth"], ["positive", "negative"], ["male", "female"],
        ["red", "white"], ["arterial", "venous"], ["systemic", "pulmonary"], ["anterior", "posterior"],
        ["primary", "secondary", "tertiary"], ["maximum", "minimum"], ["solid", "liquid", "gaseous"],
        ["aerobic", "anaerobic"], ["eukaryotic", "prokaryotic"], ["dominant", "recessive"],
        ["absolute", "constitutional"], ["short-term", "long-term"], ["high", "low"], ["cold", "warm"],
        ["hot", "cold"], ["freshwater", "saltwater"], ["endothermic", "exothermic"], ["kinetic", "potential"],
        ["renewable", "non-renewable"], ["sensory", "motor"], ["voluntary", "involuntary"],
        ["direct", "alternating"], ["series", "parallel"], ["public", "private"], ["domestic", "foreign"],
        ["oxygen-rich", "oxygen-poor"], ["unicellular", "multicellular"], ["sexual", "asexual"],
        ["elastic", "inelastic"], ["nominal", "real"], ["fiscal", "monetary"], ["plant", "animal"],
        ["small", "large"], ["ionic", "covalent", "metallic"], ["single", "double", "triple"],
        ["igneous", "sedimentary", "metamorphic"],
    ],
    "templates": {
        "prefix": "According to the text",
        "multiple_members": "According to the text, which of these are among {group}?",
        "multiple_list": "According to the text, which of these complete the sentence: \"{cloze}\"?",
        "single_members": "According to the text, which of these is among {group}?",
        "tf_members": "According to the text, {item} is among {group}.",
        "tf_benefit": "According to the text, {item} is {one_of} {head}.",
        "acronym_short": "According to the text, what does {acronym} stand for?",
        "acronym_single": "According to the text, what does {acronym} stand for?",
        "deadline_goal": "According to the text, by what year is this goal to be met: \"{goal}\"?",
        "deadline_plain": "According to the text, which year completes the sentence: \"{cloze}\"?",
        "year_numeric": "According to the text, which year completes the sentence: \"{cloze}\"?",
        "number_numeric": "According to the text, which number completes the sentence: \"{cloze}\"?",
        "year_single": "According to the text, which year completes the sentence: \"{cloze}\"?",
        "entity_single": "According to the text, which option completes the sentence: \"{cloze}\"?",
        "wh_who": "According to the text, who {rest}?",
        "wh_year": "According to the text, in which year {rest}?",
        "tf_statement": "According to the text: \"{statement}\"",
        "multiple_items": "According to the text, which of these are among {art} {head}?",
        "cloze": "According to the text, complete the sentence: \"{cloze}\"",
        "definition_short": "According to the text, what is {term}?",
        "explanation": "The text says: \"{evidence}\"",
    },
    # Answer matching
    # How a free answer may write a number (match.py): words joined by spaces or hyphens.
    # Quantifiers before a number in words ("several hundred thousand"): a blank after one starts inside the number.
    "vague_quantifiers": ["several", "few", "many", "some"],
    "answer_number_words": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "million": 1000000, "billion": 1000000000,
    },
    # Words that join the parts of one number ("one hundred and five").
    "answer_number_links": ["and"],
    # Articles that mean "one" before a multiplier ("a hundred").
    "answer_number_one": ["a", "an"],
    # Written after a number, the same as "%".
    "answer_percent_words": ["percent", "per cent"],
    # How a free answer may write a date: the day as an ordinal ("1st", "first"), months
    # cut short, "of" between the parts; figures either way round ("1/3/1896" is
    # 1 March in Britain, 3 January in the United States).
    "answer_ordinal_marks": ["st", "nd", "rd", "th"],
    "answer_first_day": ["first"],
    "answer_month_abbreviations": ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
    "answer_date_links": ["of"],
    # Abbreviations of "number" inside a name ("Hikari No. 1").
    "number_abbreviations": ["no"],
    # Words before a serial number ("Act number 1075", "No. 5"): a label, never a year or an amount.
    "numbering_words": ["number", "no", "nos", "nr"],
    # Words that raise the unit before them ("metres squared"): no blank ends before them.
    "unit_powers": ["squared", "cubed"],
    # The words of a range between numbers ("from 40 to 60" is "40-60").
    "answer_range_words": ["from", "between", "to", "and"],
    "answer_numeric_dates": ["dmy", "mdy"],
    # Words an answer may drop at its edges: they point back or stress, they do not narrow
    # the answer ("its respective supply chain" is the "supply chain").
    "answer_modifiers": ["its", "their", "his", "her", "our", "your", "my", "own", "respective", "so-called",
                         "aforementioned", "this", "that", "these", "those", "itself", "themselves"],
}
