"""Italian language pack: patterns, templates and word lists, as data only.

Code in the generator reads these keys; it never branches on the language
code, so adding a language means adding a module like this one.
"""

PACK = {
    "code": "it",
    "name": "Italian",
    "true_false": ["Vero", "Falso"],
    "articles": ["il", "lo", "la", "l'", "i", "gli", "le", "un", "uno", "una", "un'"],
    # Article-like prefixes glued by an apostrophe; split off so "l’autonomia" gives two tokens.
    # Elisioni maiuscole che aprono cognomi ("D'Ascanio", "D'Annunzio"): un vuoto dopo di esse taglia il nome.
    "name_elisions": ["D"],
    "elisions": ["l", "dell", "all", "nell", "sull", "dall", "un", "d", "quest", "quell", "c", "s", "coll", "tutt"],
    # L'articolo che porta ogni articolo o preposizione articolata: "con il ____" vuole un nome col "il"
    # ("Belgio"), non "Turchia" ("la Turchia") né "Austria" ("l'Austria").
    # L'articolo di un paese o di una regione che il testo non scrive mai con l'articolo: per la
    # prima parola, "la" se finisce in -a, "lo" davanti a z, s impura, gn, ps, x, y, altrimenti "il";
    # le eccezioni ("il Canada", "le Bahamas", "gli Stati Uniti") sono scritte qui.
    "place_articles": {
        "ending_a": "la", "lo_openings": ["z", "sb", "sc", "sd", "sf", "sg", "sk", "sl", "sm", "sn", "sp", "sq", "sr",
                                          "st", "sv", "gn", "ps", "x", "y"], "default": "il",
        "exceptions": {"Canada": "il", "Kenya": "il", "Ghana": "il", "Botswana": "il", "Venezuela": "il",
                       "Guatemala": "il", "Nicaragua": "il", "Panama": "il", "Sudafrica": "il", "Malawi": "il",
                       "Paesi Bassi": "i", "Paesi Baschi": "i", "Stati Uniti": "gli", "Emirati Arabi Uniti": "gli",
                       "Bahamas": "le", "Filippine": "le", "Maldive": "le", "Seychelles": "le", "Comore": "le",
                       "Figi": "le", "Isole Marshall": "le", "Isole Salomone": "le", "Isole Baleari": "le",
                       "Isole Canarie": "le", "Marche": "le", "Asturie": "le", "Hawaii": "le", "Barbados": "le",
                       "San Marino": "", "Santa Lucia": "", "Singapore": "", "Cuba": "", "Cipro": "", "Malta": "",
                       "Haiti": "", "Israele": "", "Monaco": "", "Taiwan": "", "Nauru": "", "Tuvalu": "",
                       "Grenada": "", "Dominica": "", "Mauritius": "", "Samoa": "", "Tonga": "", "Kiribati": "",
                       "Palau": "", "Vanuatu": "", "Andorra": "", "Madagascar": "il", "Texas": "il"}},
    "article_forms": {**{p + "l": "il" for p in ("i", "a", "de", "da", "ne", "su", "co")},
                      **{p + "lo": "lo" for p in ("", "al", "del", "dal", "nel", "sul")},
                      **{p + "la": "la" for p in ("", "al", "del", "dal", "nel", "sul")},
                      **{p + "l'": "l'" for p in ("", "al", "del", "dal", "nel", "sul")},
                      **{p + "i": "i" for p in ("", "a", "de", "da", "ne", "su")},
                      **{p + "gli": "gli" for p in ("", "a", "de", "da", "ne", "su")},
                      **{p + "le": "le" for p in ("", "al", "del", "dal", "nel", "sul")}},
    "decimal_sep": ",",
    "thousands_sep": ".",
    # Con un giorno della settimana, le parole dell'ora del giorno ("martedì sera"): un vuoto fatto solo di queste chiede la forma.
    "day_time_words": ["mattina", "mattino", "pomeriggio", "sera", "notte", "scorso", "scorsa", "prossimo", "prossima"],
    "weekdays": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "months": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
               "settembre", "ottobre", "novembre", "dicembre"],
    "abbreviations": ["sig", "sigg", "dott", "prof", "ing", "avv", "ecc", "es", "pag", "art", "n", "nr",
                      "p", "pp", "cfr", "sec", "ca", "vol", "st", "mr", "dr", "s.p.a", "s.r.l", "u.s", "a.c", "d.c",
                      "op", "rv", "kv", "bwv", "cap", "fig", "tav",
                      # Titoli inglesi nei nomi e nei titoli di opere ("The Tale of Mrs. Tiggy-Winkle").
                      "mrs", "ms", "messrs", "mme", "mlle", "jr", "sr"],
    "list_conjunctions": ["e", "ed", "o", "oppure", "nonché"],
    # Words that end a free-standing list item (prepositions, relatives, verbs of linking).
    "item_stoppers": ["con", "in", "per", "su", "tra", "fra", "che", "entro", "dal", "dalla", "nel", "nella",
                      "nei", "negli", "sul", "sulla", "al", "alla", "ai", "agli", "come", "dove", "quando",
                      "mentre", "perché", "poiché", "ma", "è", "sono", "ha", "hanno", "da", "a", "di"],
    # Single-word function words: never a question answer on their own, and the edges of chunks.
    "stopwords": (
        "a ad al allo ai agli all alla alle con col coi da dal dallo dai dagli dall dalla dalle di del dello "
        "dei degli dell della delle in nel nello nei negli nell nella nelle su sul sullo sui sugli sull sulla "
        "sulle per tra fra il lo la i gli le l un uno una e ed o od ma se che chi cui non più meno come "
        "dove quando anche ancora già poi quindi però perché poiché mentre oppure sia né ne ci vi si mi ti "
        "lui lei noi voi loro esso essa essi esse questo questa questi queste quello quella quelli quelle "
        "quel quei quegli suo sua suoi sue loro mio mia tuo tua nostro nostra vostro vostra ogni alcuni "
        "alcune molto molti molte tanto tanti tutto tutta tutti tutte altro altra altri altre stesso stessa "
        "è sono era erano fu furono sarà saranno stato stata stati state essere ha hanno aveva avevano ebbe "
        "ebbero avere avuto sia siano fosse fossero può possono potrebbe potrebbero deve devono viene vengono "
        "venne vennero fa fanno fatto così tale tali circa oltre dopo prima durante contro senza verso "
        "sopra sotto dentro fuori fino fin nonché inoltre invece infatti qui là lì tra mai sempre solo soltanto "
        "tuttavia ciò cosa quale quali quanto quanta quanti quante dell' all' nell' sull' dall' l' un' "
        "c' d' po' ecco circa pure qualche nessuno nessuna uno due "
        # Conjunctions and auxiliaries too short for the verb guesser: never part of an answer.
        "affinché benché sebbene finché purché cioè ossia ovvero sta stanno stava stavano sto stai stiamo "
        "ho hai abbiamo avete abbia abbiano avrà avranno avrebbe sarebbe sarebbero siamo siete sei "
        # Connectives that end a noun phrase: «il caso dunque» is not an answer.
        "dunque pertanto perciò allora anzi spesso ormai talvolta comunque"
    ).split(),
    "verb_lemma_suffixes": ["are", "ere", "ire", "rre"],
    # Number words that are also common nouns ("i venti": the winds): numbers only before a unit.
    "ambiguous_number_words": ["venti"],
    # Infinitives and gerunds with a pronoun attached ("sottoporla", "trasformandolo"), which the
    # lemmatiser does not know. Only pronouns that rarely end a noun or adjective ("diversi", "commerci").
    "verb_shape": r"\w{3,}(?:ar|er|ir|or|ur)(?:lo|la|li|le|gli|glielo|gliela)|\w{2,}ndo(?:lo|la|li|le|si|ne|ci|gli)",
    "date_patterns": [
        r"\b(?:[0-3]?\d(?:º|°)? )?(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) (?:del )?\d{3,4}\b",
        r"\b[0-3]?\d (?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\b",
        # Decades and centuries: "gli anni '80", "gli anni Sessanta", "il XIX secolo".
        r"\banni ?['’] ?\d0\b",
        r"\banni (?:(?:1[0-9]|20)[0-9]0|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta)\b",
        r"\b[XVI]{1,5} secolo\b",
    ],
    # Ranges are one answer: "1963-1989", "da 10 a 15 milioni", "tra il 7 e il 10%".
    # {num} is a number in figures or words, {unit} an optional unit of quantity_units.
    "range_patterns": [
        r"{num} ?[-–] ?{num}{unit}",
        r"\b(?:da(?:l|ll['’] ?)? {num} (?:a|al|all['’] ?) ?{num}|tra (?:il |l['’] ?)?{num} e (?:il |l['’] ?)?{num}){unit}",
    ],
    # Parole prima (ed ere dopo) di un numero fino a tre cifre che ne fanno un anno ("nell'814", "79 d.C.").
    # Come un testo dà il nome a un termine ("un processo detto cementazione"): i termini di un tipo si fanno da opzioni.
    "naming_cues": ["chiamato", "chiamata", "chiamati", "chiamate", "detto", "detta", "detti", "dette", "noto come", "nota come", "noti come", "note come", "denominato", "denominata", "prende il nome di", "prendono il nome di"],
    "year_cues": ["nel", "nell", "dal", "dall", "anno", "fino al", "entro il", "verso il", "intorno al", "prima del", "dopo il"],
    # Parole dopo cui la lacuna di una data intera accetta anche l'anno da solo ("la legge del ____").
    "year_of_words": ["del", "dell"],
    "era_marks": ["dc", "ac", "d c", "a c"],
    "year_pattern": r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)",
    "deadline_cues": [r"\bentro (?:il |l['’] ?|la fine del |la fine dell['’] ?|)(?P<year>(?:1[0-9]{3}|20[0-9]{2}))\b",
                      r"\bper il (?P<year>20[0-9]{2})\b(?= ?[,.;])"],
    "goal_cues": [r"\bcon l['’] ?obiettivo di ", r"\ballo scopo di ", r"\bal fine di ", r"\bmira(?:no|va|vano)? (?:a|ad) ",
                  r"\bha(?:nno)? l['’] ?obiettivo di ", r"\bpunta(?:no)? (?:a|ad) ", r"\bcon lo scopo di "],
    "quantity_units": [
        "%", "per cento", "percento", "km", "chilometri", "metri", "m", "kg", "chilogrammi", "tonnellate", "t",
        "gradi", "°C", "ore", "minuti", "secondi", "anni", "mesi", "giorni", "abitanti", "persone", "miliardi",
        "milioni", "mila", "dollari", "euro", "sterline", "lire", "yen", "kWh", "MW", "GW", "watt", "km/h",
        "chilometri quadrati", "km²", "ettari", "litri", "barili", "miglia", "piedi", "volte",
    ],
    "money_words": ["dollari", "euro", "sterline", "lire", "yen", "rupie", "yuan", "franchi", "rubli", "pesos", "$", "€", "£"],
    "percent_words": ["%", "per cento", "percento"],
    # Adverbs made with -mente end a noun phrase ("legislazione precedentemente concordata").
    "adverb_ending": "mente",
    # What a multiplier counts, written after it: "7,5 milioni di dollari" is one amount.
    "unit_tail": r" di (?:dollari|euro|sterline|lire|yen|persone|abitanti|tonnellate|barili|chilometri|metri)\b",
    # "Tra le aziende che ... vi sono X, Y e Z": the group whose members are listed.
    "member_cues": [
        r"\b(?:[Tt]ra|[Ff]ra) (?P<art>le|i|gli) (?P<group>[^,;:]+?) (?:vi sono|ci sono|figurano|rientrano|spiccano|si trovano|troviamo|si contano|compaiono|vi è|c['’]è) (?:anche |pure )?",
    ],
    "benefit_cues": [
        r"\b(?:[Tt]ra|[Ff]ra) (?P<art>i|le|gli) (?P<head>(?:principali |maggiori |numerosi |diversi )?(?:punti di forza|vantaggi|benefici|pregi|svantaggi|punti deboli|difetti|limiti|rischi|inconvenienti)\b[^,;:]*?) (?:vi sono|ci sono|figurano|rientrano|si annoverano|troviamo|spiccano) (?:anche )?",
    ],
    # Which head word makes a benefit list a list of drawbacks.
    "drawback_words": ["svantaggi", "punti deboli", "difetti", "limiti", "rischi", "inconvenienti"],
    "one_of": {"i": "uno dei", "gli": "uno degli", "le": "una delle"},
    # Verbs whose object is a list worth a question ("riunisce A, B e C", "sfidando A e B").
    "list_verbs": ["riunisce", "riuniscono", "comprende", "comprendono", "include", "includono",
                   "coinvolge", "coinvolgono", "sfidando", "sfida", "sfidano", "unisce", "uniscono",
                   "raggruppa", "raggruppano", "composta da", "composto da", "formata da", "formato da"],
    "acronym_skip_words": ["di", "del", "della", "dei", "delle", "degli", "per", "e", "la", "il", "lo", "le", "i", "gli"],
    "definition_pattern": r"^(?P<term>(?:(?:Il|Lo|La|I|Gli|Le) |L['’] ?)?[A-ZÀ-Ý][\w’'-]*(?: (?:[A-ZÀ-Ý][\w’'-]*|di|del|della|dei|delle)){0,4}) (?:è|sono|era|erano) (?P<definition>(?:un|uno|una|un['’]|il|lo|la|l['’]|i|gli|le) ?.{8,})$",
    "anaphora": ["tale iniziativa", "questa iniziativa", "tale consorzio", "questo consorzio", "tale progetto", "questo progetto"],
    # Comparatives and their opposites: a benefit stated the other way round is a false statement.
    "opposites": {"maggiore": "minore", "minore": "maggiore", "maggior": "minor", "minor": "maggior",
                  "più": "meno", "meno": "più", "migliore": "peggiore", "peggiore": "migliore",
                  "miglior": "peggior", "peggior": "miglior", "superiore": "inferiore", "inferiore": "superiore",
                  "aumentare": "ridurre", "ridurre": "aumentare", "alta": "bassa", "bassa": "alta",
                  "alto": "basso", "basso": "alto", "alti": "bassi", "bassi": "alti", "alte": "basse", "basse": "alte",
                  "maggiori": "minori", "minori": "maggiori", "superiori": "inferiori", "inferiori": "superiori",
                  "migliori": "peggiori", "peggiori": "migliori"},
    # Capitalised only because they open the sentence: never the start of a name.
    "sentence_openers": ["secondo", "grazie", "nonostante", "durante", "dopo", "oltre", "sebbene", "malgrado", "riguardo", "inizialmente", "successivamente", "attualmente", "oggi"],
    # (E i legami dei nomi di luogo stranieri: "Francoforte sul Meno" è italiano, "Frankfurt am Main" no.)
    "name_connectors": ["di", "del", "della", "dei", "degli", "delle", "de", "des", "du", "da", "d'", "dell'", "dell’", "d’", "am",
                        "upon", "sur"],
    # Links of foreign place names whose first part is the short name ("Frankfurt am Main": "Frankfurt").
    "foreign_place_links": ["am", "upon", "sur"],
    # Competizioni dall'ultima parola: "Volleyball Nations League" è anche "Nations League".
    "event_words": ["lega", "coppa", "campionato", "trofeo", "giochi", "giro", "premio", "festival", "league", "cup", "open", "trophy", "tour"],
    # Nomi dopo una parola generica: "Operazione San Francesco" è anche "San Francesco".
    "name_heads": ["operazione", "progetto", "missione", "programma", "campagna", "operation", "project", "mission"],
    "org_words": ["università", "amministrazione", "autorità", "istituto", "ministero", "organizzazione",
                  "agenzia", "banca", "partito", "consiglio",
                  "commissione", "società", "associazione", "federazione", "fondazione", "compagnia", "corporazione",
                  "accademia", "comitato", "unione", "consorzio", "gruppo", "museo", "scuola", "chiesa", "esercito"],
    # Titoli di cortesia davanti al solo cognome ("il signor Rossi"): il nome è il cognome.
    "honorifics": ["signor", "signora", "signorina", "dott", "dottor", "dottoressa", "prof", "professor", "professoressa"],
    "person_titles": ["presidente", "re", "regina", "papa", "dottor", "dottore", "professor", "professore", "signor",
                      "signora", "signorina", "mister", "herr", "monsieur", "madame", "pandit", "sir", "lord", "lady",
                      "generale", "imperatore", "principe", "santo", "san", "ministro", "sindaco", "vescovo", "capitano",
                      "ammiraglio", "colonnello", "tenente", "senatore", "segretario", "cancelliere", "cardinale", "console",
                      "arcivescovo", "duca", "duchessa", "sultano", "ambasciatore", "comandante", "premier", "reverendo",
                      "monsignor", "monsignore", "abate",
                      # Ruoli sportivi davanti al nome ("il portiere Gianluigi Donnarumma").
                      "portiere", "attaccante", "centrocampista", "difensore", "allenatore", "ct", "terzino",
                      "ala", "regista", "pilota", "ciclista"],
    # L'anno entro cui uno stato passato era raggiunto ("entro il 1896 era diventato capitano"): ogni
    # anno dopo è giusto anch'esso.
    "deadline_words": ["entro"],
    # Un quantificatore in testa a una lacuna ("alcuni dei compartimenti stagni"): il resto è risposta anch'esso.
    "partitive_openers": [q + " " + p for q in ("alcuni", "alcune", "molti", "molte", "parte", "gran parte",
                                                 "la maggior parte", "uno", "una", "tutti", "tutte")
                          for p in ("dei", "degli", "delle", "di")],
    # Ciò che le persone sono, scritto davanti al nome ("il fisico Enrico Fermi"): il nome è di una persona.
    "person_roles": ["cantante", "pianista", "violinista", "compositore", "direttore", "musicista", "pittore",
                     "pittrice", "scultore", "architetto", "scrittore", "scrittrice", "romanziere", "poeta",
                     "poetessa", "drammaturgo", "filosofo", "fisico", "chimico", "chimica", "biologo", "astronomo",
                     "matematico", "scienziato", "scienziata", "ingegnere", "inventore", "esploratore", "aviatore",
                     "astronauta", "cosmonauta", "giornalista", "storico", "attore", "attrice", "regista",
                     "fotografo", "economista", "medico", "batteriologo", "protodiacono", "frate", "monaco",
                     # Le scienze e gli studi ("il botanico olandese Frits Went", "l'archeologo Daya Ram
                     # Sahni"): il nome che segue è di una persona, qualunque sia il suo nome proprio.
                     "botanico", "zoologo", "archeologo", "archeologa", "geologo", "naturalista", "anatomista",
                     "chirurgo", "fisiologo", "genetista", "biochimico", "ornitologo", "entomologo", "paleontologo",
                     "egittologo", "antropologo", "psicologo", "sociologo", "linguista", "geografo", "cartografo",
                     "navigatore", "alpinista", "missionario", "banchiere", "imprenditore", "imprenditrice",
                     "diplomatico", "statista", "avvocato", "studioso", "studiosa", "teologo", "sacerdote", "abate",
                     "suora", "illustratore", "ballerino", "ballerina", "coreografo", "chitarrista", "organista",
                     "violoncellista", "cantautore", "sceneggiatore", "ciclista", "pugile", "calciatore", "atleta",
                     "velocista", "nuotatore", "fantino", "esploratrice", "astronoma", "matematica", "fotografa"],
    "titles_kept_in_names": ["santo", "san", "santa", "st"],
    "place_preps": ["a", "in", "nel", "nella", "da", "verso", "presso"],
    "list_items_need_article": True,
    # Where a noun phrase keeps its head noun: a blank may lose the modifiers on the other side.
    "phrase_head": "first",
    # Parole che contano o classificano ciò che segue: in "specie di molluschi" la risposta è anche "molluschi".
    # Parti generiche del nome di un luogo: "Gardone Riviera" si risponde anche "Gardone".
    "place_heads": ["Riviera", "Terme", "Marittima", "Castello", "Palazzo", "Stadio", "Aeroporto",
                    # Nomi inglesi che i testi italiani lasciano come sono.
                    "Space Center", "Space Centre", "Castle", "Palace", "Abbey", "River", "National Park", "Pavilion",
                    "Theatre", "Theater", "Arena", "Hall", "Hill", "Valley", "Bay", "Park", "Square", "Street", "Falls",
                    # Fine generica dei santuari giapponesi: "Fushimi Inari Taisha" è anche "Fushimi Inari".
                    "Taisha", "Jinja", "Jingū",
                    # Ciò di cui è un evento o uno Stato: "Battaglia di Lepanto" è anche "Lepanto".
                    "Battaglia di", "Assedio di", "Forte", "Casa", "Trattato di", "Pace di", "Regno di", "Ducato di",
                    "Repubblica di", "Impero di", "Vicereame di", "Principato di", "Contea di", "Piazza", "Corte di",
                    # Monti e laghi dal loro nome: "Monte Amiata" è anche "Amiata".
                    "Monte", "Lago di",
                    # Porte, torri, ponti e vie dal loro nome: "Porta di San Esteban" è anche "San Esteban".
                    "Porta di", "Porta", "Torre", "Ponte", "Isola di", "Via", "Rua", "Calle", "Avenida",
                    # Quartieri dal loro nome: "Rione Monti" è anche "Monti".
                    "Rione",
                    # Acque dal loro nome: "Canale di Suez" è anche "Suez", "Stretto di Messina" "Messina".
                    "Canale di", "Stretto di", "Golfo di", "Baia di"],
    # Nomi plurali di Paesi, sempre con l'articolo ("nelle Isole Marshall", "negli Stati Uniti"): mai dopo un "in" nudo.
    "plural_place_openings": ["Isole", "Stati", "Paesi", "Emirati", "Filippine", "Maldive", "Seychelles", "Bahamas",
                              "Comore", "Figi"],
    # Teste che aprono i nomi che reggono ("Monte Amiata"): in fondo a un nome ne fanno parte.
    "place_heads_first": ["Monte", "Forte", "Rione", "Porta", "Torre", "Ponte", "Via", "Capo"],
    # Tipi di edifici e luoghi dalla parola che li regge: un altro dello stesso tipo nominato dal
    # testo è un'opzione sbagliata per un luogo sconosciuto ("Palazzo Pitti" per "Palazzo Vecchio").
    "place_groups": {"residenza": ["Palazzo", "Castello", "Villa", "Reggia"],
                     "chiesa": ["Basilica", "Chiesa", "Cattedrale", "Duomo", "Abbazia", "Cappella", "Santuario"],
                     "stadio": ["Stadio", "Arena"], "museo": ["Museo", "Galleria", "Pinacoteca"],
                     "ponte": ["Ponte"], "aeroporto": ["Aeroporto"], "piazza": ["Piazza"], "stazione": ["Stazione"],
                     "università": ["Università", "Politecnico"]},
    # Words that give the birth of the text's subject in its lead: no false year comes before it.
    # Un'età in un anno ("A 15 anni … nel 2000"): l'anno di nascita del soggetto, se l'attacco non lo dà.
    # L'età di una persona al giorno dell'articolo: "Nadia Comaneci, 14 anni,", "una quattordicenne" no.
    "age_now": r"(?:^|\s)[A-Z][\w'’-]+, (\d{1,2}) anni\b|\b(?:di|ha) (\d{1,2}) anni\b",
    "age_at": r"\b(?:[Aa]|[Aa]ll['’]età di) (\d{1,2}) anni\b[^.]{0,60}?\b(1[0-9]{3}|20[0-9]{2})\b",
    "birth_cues": ["nato", "nata", "nacque", "nasce"],
    # Words before an age: with a birth year in the text, the age is arithmetic, not a fact.
    # Un'età che la risposta nomina ("il suo 23º compleanno"): l'anno di nascita e la data la calcolano.
    "age_words": ["compleanno"],
    "age_cues": ["compie", "compirà", "compiuto", "compiuti", "all'età di", "età di"],
    # Days a report counts from its dateline ("ieri, venerdì 11 dicembre"): the date that follows is the dateline's.
    "relative_days": ["ieri", "oggi", "stamani", "stamattina", "stasera", "stanotte", "domani"],
    # Nomi di strada: il numero accanto è un indirizzo ("via Roma 10", "10 Downing Street"), non un dato.
    "street_words": ["via", "viale", "corso", "piazza", "piazzale", "vicolo", "largo", "rue", "street"],
    # Prima di un'ora del giorno ("verso le dieci"): un'ora scritta in lettere non dice se di sera (22).
    "hour_before": ["alle", "verso le", "intorno alle", "dalle", "fino alle", "entro le"],
    # Prima di un orario in cifre ("alle 14.33"): il numero è un'ora del giorno, non un decimale.
    "clock_before": ["alle", "dalle", "fino alle", "verso le", "entro le", "ore", "le"],
    # Words that open a relative clause: a statement cut mid-sentence may end before them.
    "clause_relatives": ["che", "il quale", "la quale", "i quali", "le quali", "dove", "mentre", "cui"],
    # Ultime parole di nomi d'impresa, mai un cognome.
    "firm_endings": ["pharmaceuticals", "therapeutics", "technologies", "systems", "motors", "holdings",
                     "industries", "solutions", "energy", "group", "infrastructure", "infrastrutture",
                     "engineering", "costruzioni", "spa", "srl"],
    "phrase_classifiers": ["specie", "tipo", "tipi", "forma", "forme", "varietà", "gruppo", "gruppi",
                           "quantità", "numero", "migliaia", "milioni", "centinaia", "decine", "pezzo", "pezzi", "serie",
                           "insieme", "coppia", "coppie", "misto", "miscuglio", "livello", "grado", "anello", "cerchio",
                           "fila"],
    # Aggettivi che precedono il nome ("di prossima generazione"): una risposta non finisce con uno di essi.
    "prenominal_adjectives": [f"{stem}{end}" for stem in ("prossim", "nuov", "vecchi", "ultim", "prim", "second",
                                                           "buon", "cattiv", "lung", "alt", "bass", "piccol",
                                                           "relativ", "rispettiv")
                              for end in ("o", "a", "i", "e")] + ["grande", "grandi", "breve", "brevi",
                                                                   "maggiore", "maggiori", "minore", "minori",
                                                                   "migliore", "migliori", "peggiore", "peggiori"],
    "phrase_links": ["di", "del", "dello", "della", "dei", "degli", "delle", "dell'", "d'", "di un", "di una",
                     "e", "e il", "e lo", "e la", "e i", "e gli", "e le", "e l'"],
    # Numbers written as words: asked as numbers, graded exactly. ("sei" is left out: it is also "you are".)
    "number_words": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "mille": 1000},
    # Wh-questions: the phrase that states a year ({year}), taken out to ask "in che anno".
    "wh": {"year_phrase": r"(?<![\w'’])(?:[Nn]el|[Nn]ell['’]anno) {year}\b,?"},
    # Cues of attribution: who reported the news is wording, not a fact worth asking.
    "worth": {
        # I titoli degli esercizi di un manuale: ciò che segue chiede, non afferma nulla da chiedere.
        "exercise_headings": ["domande di verifica", "domande", "esercizi", "verifica", "mettiti alla prova",
                              "attività", "verifica le conoscenze"],
        "worked_example_labels": ["esempio svolto", "esempio", "esempi", "esercizio svolto"],
        # Una lacuna che si apre con queste, o le segue con un participio, è un verbo
        # ("vengono ____": "inviati impulsi laser"), non un fatto.
        "verb_openers": ["è", "sono", "era", "erano", "fu", "furono", "viene", "vengono", "venne", "vennero",
                         "stato", "stata", "stati", "state", "ha", "hanno", "aveva", "avevano",
                         # Verbi impersonali ("Basti considerare il livello di rivalità"): una proposizione.
                         "basti", "basta", "bisogna", "occorre", "occorrono", "conviene", "sembra"],
        # Una lacuna che contiene uno di questi è una proposizione.
        "relative_pronouns": ["che", "cui", "quale", "quali"],
        "participle_endings": ["ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"],
        # Superlativi assoluti ("Gravissimi i danni"): il giudizio di chi scrive, non un fatto.
        "evaluative_endings": ["issimo", "issima", "issimi", "issime"],
        # Parole di grado davanti a un aggettivo ("quanto ____ sia il progetto"): il giudizio di chi scrive.
        "degree_words": ["quanto", "così", "tanto", "molto", "troppo", "assai", "piuttosto", "estremamente"],
        "reporting_before": r"(?:\bsecondo|\b(?:[Nn]otizie|[Dd]ispacci|[Tt]elegrammi|[Rr]apporti|[Ss]egnalazioni) (?:giunt[ie] )?(?:da|dal|dalla|dai|dalle)|\bcome (?:riferisce|riporta|scrive|spiega|ha (?:detto|spiegato|dichiarato|riferito))|\briferisce|\briporta|\bha (?:detto|dichiarato|spiegato|affermato|riferito)|\bfonti(?: di)?|\b(?:riferit|riportat|dichiarat|comunicat|annunciat|res)[oaie](?: noto)?\s+(?:da|dal|dallo|dalla|dai|dagli|dalle))\s+(?:(?:il|lo|la|i|gli|le|l['’])\s*)?(?:[\w’'-]+\s+){0,2}$",
        "reporting_after": r"^\s*,?\s*(?:ha (?:detto|dichiarato|spiegato|affermato|riferito|annunciato|reso noto)|dichiara|afferma|spiega|riferisce|riporta)\b",
        # Le parole di chi parla: uno spazio tra virgolette in una frase con uno di questi è una citazione.
        "speech": r"\b(?:ha (?:detto|dichiarato|aggiunto|sottolineato|affermato|commentato|definito|parlato di)|sottolineando|dichiarando|aggiungendo|commentando|definendo|parlando di)\b",
        # Chi commenta o reagisce: una persona nominata una volta sola per questo non è un fatto da chiedere.
        "reaction": r"\b(?:ha|hanno) (?:espresso|commentato|risposto|definito|accolto|salutato|elogiato|criticato|ringraziato|detto|dichiarato|aggiunto|affermato|sottolineato|preso la parola)\b|\b(?:definendo|commentando|dichiarando)\b",
        # Un infinito retto da una preposizione ("mira a ____": produrre) è un verbo, non un fatto.
        "infinitive_markers": ["a", "di", "per", "da"],
        "infinitive_endings": ["are", "ere", "ire", "rre"],
        # Parole che giudicano ("una straordinaria rimonta", "con grande lucidità"): il vuoto chiede le parole del cronista.
        "evaluative_words": ["straordinario", "straordinaria", "straordinari", "straordinarie", "incredibile", "incredibili",
                             "memorabile", "memorabili", "emozionante", "emozionanti", "fantastico", "fantastica",
                             "eccezionale", "eccezionali", "spettacolare", "spettacolari", "impressionante",
                             "splendido", "splendida", "lucidità", "magnifico", "magnifica", "clamoroso", "clamorosa"],
        # Nomi astratti ("rivalità", "competizione"): detti una volta, hanno sinonimi che il vuoto non esclude.
        "abstract_endings": ["ità", "ezza", "enza", "anza", "ismo", "izia"],
        "hypothetical": r"^(?:supponiamo|immaginiamo|ipotizziamo|se|ad esempio|per esempio)\b",
        # Una supposizione il cui paragrafo prosegue con i suoi numeri inventati.
        "supposition": r"^(?:supponiamo|immaginiamo|ipotizziamo)\b",
        # Parole di un calcolo tra due numeri ("25 diviso per 25"): il risultato è già svolto.
        "arithmetic_words": ["diviso per", "diviso", "moltiplicato per", "per", "più", "meno"],
        # Nomi vuoti: "gli obiettivi prefissati", "i risultati ottenuti" dicono che c'è un fine, non quale.
        # Preposizioni che non chiudono mai una risposta ("il ritmo con"): il vuoto taglia prima del loro oggetto.
        "dangling": ["di", "a", "da", "in", "con", "su", "per", "tra", "fra", "del", "della", "dei", "delle", "degli", "al", "alla", "ai", "alle"],
        "hollow_nouns": ["obiettivo", "obiettivi", "risultato", "risultati", "traguardo", "traguardi", "scopo",
                         "scopi", "requisiti", "criteri", "parametri", "limiti", "standard"],
        "participle_endings": ["ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"],
        # Come il testo chiama chi regna ("Sua Maestà", "il Sovrano"): il nome è il fatto, non la formula.
        # (Parole piene: "Sua Maestà" è "maestà" senza l'aggettivo possessivo.)
        "forms_of_address": ["maestà", "altezza", "santità", "eccellenza", "eminenza", "sovrano", "sovrana",
                             "monarca", "santo padre", "altezza reale"],
    },
    # Words that make an amount a bound ("oltre 150 anni"): any larger amount is true too.
    # Limiti aperti da un lato: un numero scritto diverso da quello del testo completa la frase ugualmente.
    "open_bounds": ["oltre", "più di", "almeno", "sopra", "meno di", "sotto", "superiore a", "inferiore a"],
    "bounds": ["oltre", "più di", "almeno", "meno di", "fino a", "fino al", "quasi", "sopra", "sotto", "entro",
               "dopo il", "dopo i", "dopo le", "dopo", "prima del", "prima", "dal", "superare i", "superare il", "superare le", "supera i", "supera il",
               "superano i", "superano il", "superando i", "superando il", "superando la", "superando le", "superando l'",
               "superando l’", "superato i", "superato il", "superò i", "superò il", "superiore a",
               "superiori a", "inferiore a", "inferiori a", "sfiorare i", "sfiorano i", "più grande di",
               "più grandi di", "più piccolo di", "più piccoli di", "più lungo di", "più lunga di", "più alto di",
               "più alta di", "più veloce di", "più vecchio di"],
    # Words that make an amount approximate ("circa 5 litri"): near misses would be right too.
    # Il valore massimo di una quantità, per unità e parola della frase: niente "138 gradi" di latitudine.
    # Unità di misura e la loro grandezza in un'unità di base, per dimensione: una quantità che converte
    # un'altra del testo ("1.250 piedi" accanto a "381 metri") la ripete.
    "unit_factors": {"metri": ["length", 1], "metro": ["length", 1], "m": ["length", 1],
                     "piedi": ["length", 0.3048], "piede": ["length", 0.3048],
                     "chilometri": ["length", 1000], "km": ["length", 1000], "miglia": ["length", 1609.344],
                     "pollici": ["length", 0.0254], "centimetri": ["length", 0.01], "cm": ["length", 0.01],
                     "iarde": ["length", 0.9144], "chilogrammi": ["mass", 1], "chili": ["mass", 1], "kg": ["mass", 1],
                     "libbre": ["mass", 0.45359], "tonnellate": ["mass", 1000], "litri": ["volume", 1],
                     "galloni": ["volume", 3.785]},
    "number_bounds": [
        {"units": ["gradi", "°"], "context": ["latitudine"], "max": 90},
        {"units": ["gradi", "°"], "context": ["longitudine"], "max": 180},
        # Una scala chiusa, nominata subito dopo il valore: la durezza di Mohs va da 1 a 10 (review 42: "11").
        {"scale": ["mohs"], "context": [], "max": 10},
        # La temperatura di un corpo vivo: 44 °C non è di nessun mammifero (review 42).
        {"units": ["°c", "°", "gradi"], "context": ["corporea", "corpo"], "max": 42},
        {"units": ["metri", "m"], "context": ["altezza", "alta", "alto", "altitudine", "quota", "vetta", "cima",
                                              "montagna", "monte", "scalatori"], "max": 8849},
        {"units": ["piedi"], "context": ["altezza", "alta", "alto", "altitudine", "quota", "vetta", "cima"], "max": 29032},
        # L'età di un giocatore: nessun capitano di 47 anni in una finale.
        {"units": ["anni", "anno"], "context": ["capitano", "giocatore", "calciatore", "portiere", "attaccante",
                                                "difensore", "centrocampista", "atleta", "velocista", "terzino"],
         "max": 41},
        # L'età di una persona: nessuno muore a 110 anni ("Aveva 84 anni ed era malato").
        {"units": ["anni"], "context": ["aveva", "morto", "morta", "scomparso", "scomparsa", "età", "compiuto",
                                        "compiuti", "compirà", "morì", "deceduto", "deceduta"], "max": 100},
        # Il minuto di una partita di calcio: al più 120, con i tempi supplementari.
        {"units": ["minuto", "minuti", "°", "'"], "context": ["partita", "finale", "gol", "rete", "rigore", "rigori",
                                                            "supplementari", "pareggio", "calcio d'angolo"],
         "max": 120},
    ],
    # Parole del segno di un numero: "sotto meno 90" limita il numero dopo di esse.
    "sign_words": ["meno"],
    # Parole che contano gli anni da un altro momento: l'anno chiesto è una somma di due che il quiz può mostrare.
    "elapsed_cues": ["anni dopo", "anni più tardi", "anni dalla", "anni dal", "anni da", "anni dall'", "anni dall’",
                     "anniversario", "centenario", "bicentenario"],
    # Pronomi che stanno per un nome della frase: la lacuna comincia dopo ("comprendono quelli di | Kuniya").
    "pronoun_heads": ["quelli di", "quelle di", "quello di", "quella di", "quelli del", "quelle del", "quello del",
                      "quella del", "quelli della", "quelle della", "quello della", "quella della", "quelli dei",
                      "quelle dei", "quello dei", "quella dei"],
    # Tempi contati all'indietro dalla data dell'articolo ("esattamente un anno fa"): la data chiesta ne segue.
    "ago_cues": ["anno fa", "anni fa"],
    # Una frase tagliata a un participio il cui agente segue ("la curva studiata | da Agnesi") è tagliata corta.
    "agent_words": ["da", "dal", "dallo", "dalla", "dall'", "dall’", "dai", "dagli", "dalle"],
    "participle_endings": ["ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"],
    # Un'età o una durata in anni accanto a un anno: con la data dell'articolo o un altro anno della frase,
    # l'anno chiesto è una somma ("trentaduenne nato nel ____", "cominciata nel ____ e durata tre anni").
    "years_counted": r"\b(?:undic|dodic|tredic|quattordic|quindic|sedic|diciassett|diciott|diciannov|vent|trent|"
                     r"quarant|cinquant|sessant|settant|ottant|novant)\w*enne\b|\bdur(?:at[aoie]|ò|arono)\b"
                     r"(?: \S+){0,4}? anni\b",
    # Parole che ridicono una quantità in altri termini ("30.000 al giorno, ossia 11 milioni l'anno").
    "restatement_words": ["ossia", "cioè", "ovvero", "pari a", "vale a dire", "o"],
    # Parole che contano anni: "53 anni di distanza dal ____" in un articolo del 2021 è aritmetica.
    "years_words": ["anni", "anno"],
    # Frazioni e quantità scritte in parole, che rendono calcolabile una quantità della frase ("due terzi
    # dei voti, cioè 89"; "28 minuti, quasi mezz'ora").
    "fraction_words": {"metà": 0.5, "un terzo": 1 / 3, "due terzi": 2 / 3, "un quarto": 0.25, "tre quarti": 0.75,
                       "doppio": 2, "triplo": 3},
    "amount_words": {"mezz'ora": [30, "minuti"], "mezz’ora": [30, "minuti"], "un'ora": [60, "minuti"],
                     "un’ora": [60, "minuti"], "un giorno": [24, "ore"], "una settimana": [7, "giorni"],
                     "un decennio": [10, "anni"], "un secolo": [100, "anni"]},
    # Quantità che ogni studente sa già: "un anno dura circa ____" (365 giorni) non chiede il testo.
    "known_amounts": ["365 giorni", "24 ore", "60 minuti", "60 secondi", "7 giorni", "12 mesi", "52 settimane",
                      "100 anni", "1000 anni", "100 gradi", "0 gradi"],
    # Eventi che tornano ogni tanti anni: un anno falso è un altro dei loro anni ("Olimpiadi del 1992", non 1991).
    # ("Mondiali" no: quelli di atletica sono ogni due anni, quelli di calcio ogni quattro.)
    # Anni che tutti conoscono dall'evento che la frase nomina: chiederli non misura la lettura
    # ("Quando scoppiò la Rivoluzione francese, nel ____", review 42).
    "famous_years": {"1066": ["battaglia di hastings", "conquista normanna"], "1492": ["colombo"],
                     "1776": ["dichiarazione d'indipendenza"],
                     "1789": ["rivoluzione francese", "presa della bastiglia"], "1815": ["waterloo"],
                     "1914": ["prima guerra mondiale", "grande guerra"], "1939": ["seconda guerra mondiale"],
                     "1945": ["hiroshima"], "1969": ["apollo 11", "sbarco sulla luna", "primi uomini sulla luna"],
                     "1989": ["muro di berlino"]},
    "recurring_events": {"olimpiadi": 4, "olimpiade": 4, "giochi olimpici": 4, "olimpico": 4, "olimpica": 4,
                         "olimpionico": 4, "olimpionica": 4, "paralimpiadi": 4, "giochi di": 4,
                         "mondiali": 4, "coppa del mondo": 4, "europei": 4, "campionato europeo": 4,
                         "campionati europei": 4, "campione d'europa": 4, "campioni d'europa": 4},
    # Numeri che sono anche altre parole ("sei": "tu sei"): contano solo davanti a una lista ("sei paesi: …").
    "count_words": {"sei": 6},
    # Feste che fissano il mese di una data ("21 aprile, lunedì dell'Angelo").
    "feasts": ["natale", "pasqua", "pasquetta", "lunedì dell'angelo", "lunedì dell’angelo", "capodanno", "ferragosto",
               "epifania", "ognissanti", "venerdì santo", "santo stefano", "vigilia di natale", "pentecoste"],
    # Parole dopo una quantità che ne fanno un limite ("10 milioni o più"): i valori oltre sono veri.
    # Avverbi di frequenza tra un limite e il suo numero ("supera spesso i 100 kg").
    "frequency_adverbs": ["spesso", "generalmente", "solitamente", "talvolta", "ormai", "anche", "perfino"],
    "bounds_after": ["o più", "o meno", "e più", "e oltre", "o oltre", "o superiore", "o inferiore"],
    # Parole tra una parte e il suo totale ("832 voti su 995 votanti"): un totale sbagliato non è mai sotto la parte.
    "part_of_whole": ["su"],
    # La parola dopo il nome di una misura, prima della quantità ("oltre una profondità di 8.200 metri").
    "measure_links": ["di"],
    # Unità di misure fini anche al decimo ("20,7 secondi"): le opzioni sbagliate restano vicine.
    "fine_units": ["secondi", "secondo", "s", "sec"],
    # Numeri che si leggono con una vocale iniziale (otto, ottanta, ottocento, uno, undici, undicimila):
    # dopo "nell'", "dell'", "l'" le opzioni sbagliate sono solo tra questi ("nell'89 a.C.").
    "elided_numbers": "^(?:8\\d*|1|11|11\\d{3})$",
    "approximations": ["circa", "circa il", "circa nel", "circa l'", "circa l’", "intorno al", "intorno a",
                       "intorno all'", "intorno all’", "attorno al", "verso il", "verso l'", "verso l’", "quasi", "oltre", "più di",
                       "poco più di", "poco meno di", "all'incirca", "approssimativamente", "dell'ordine di",
                       "dell’ordine di", "nell'ordine di", "nell’ordine di"],
    # Le stesse dopo la quantità e la sua unità ("ogni 20 minuti circa").
    "approximations_after": ["circa", "all'incirca", "all’incirca", "o giù di lì"],
    # Sentences that open by pointing back ("Questo è noto come…") lean on the one before.
    # The word before a verb in its bare form ("mira a sviluppare e a produrre").
    "infinitive_markers": ["a"],
    "anaphoric_openers": ["questo", "questa", "questi", "queste", "ciò", "tale", "tali", "esso", "essa",
                          "quest'ultimo", "quest'ultima", "quest’ultimo", "quest’ultima", "così"],
    # In testa alla frase davanti alla lacuna ("Altri ____ polimerizzano allo stesso modo"): quali, lo dice la frase prima.
    "contrast_openers": ["altri", "altre", "gli altri", "le altre"],
    # Parole all'inizio di una frase che si appoggiano alla precedente ("Nel 1906 i due ricevettero…").
    "context_words": ["i due", "le due", "entrambi", "invece", "essi", "esse", "oggi", "quest'ultimo", "quest'ultima"],
    # Parole che aprono una frase spiegata solo dalla precedente ("Esso passa nel…").
    # Parole che aprono un elenco di esempi: una lacuna tra essi ha altre risposte giuste ("tra cui ____").
    "example_cues": ["tra cui", "fra cui", "ad esempio", "per esempio", "come ad esempio", "tra gli altri",
                     "tra le altre", "quali ad esempio", "esempi sono", "un esempio è", "ne sono esempi"],
    # Forme di "essere" e "avere" che aprono una frase dal soggetto sottinteso ("È uno dei vulcani…").
    "null_subject_verbs": ["e", "è", "fu", "era", "sono", "furono", "erano", "ha", "ebbe", "aveva", "hanno", "ebbero"],
    # I secoli per nome ("il Settecento" è il XVIII secolo).
    "century_names": {"Duecento": 13, "Trecento": 14, "Quattrocento": 15, "Cinquecento": 16, "Seicento": 17,
                      "Settecento": 18, "Ottocento": 19, "Novecento": 20},
    "century_word": "secolo",
    # Parole di luogo davanti a un nome, che chi risponde può scrivere con esso ("piazza San Marco").
    "place_words": ["piazza", "via", "viale", "corso", "lago", "monte", "fiume", "isola", "ponte", "porta",
                    "stazione", "palazzo", "basilica", "chiesa", "castello", "valle", "golfo", "stretto"],
    # Links between a person's name and a place ("Alcuino di York"): the name alone is the answer too.
    "name_of_place_links": ["di", "da", "d'"],
    # Locuzioni fisse: la parola al loro interno non è un fatto ("in virtù di", "nel corso di").
    # Sigle note di termini comuni: "IA" risponde quanto "intelligenza artificiale".
    # Unità dopo un numero, abbreviate e per esteso: "100 m" è "100 metri".
    "unit_names": {"m": ["metri"], "km": ["chilometri"], "cm": ["centimetri"], "mm": ["millimetri"],
                   "kg": ["chilogrammi", "chili"], "g": ["grammi"], "km/h": ["chilometri orari"]},
    "known_abbreviations": {"intelligenza artificiale": ["IA", "AI"], "prodotto interno lordo": ["PIL"],
                            "unione europea": ["UE"], "acido desossiribonucleico": ["DNA"],
                            "acido ribonucleico": ["RNA"], "anidride carbonica": ["CO2"],
                            "organizzazione delle nazioni unite": ["ONU"], "nazioni unite": ["ONU"],
                            "banca centrale europea": ["BCE"], "fondo monetario internazionale": ["FMI"],
                            "veicoli elettrici": ["EV"], "auto elettriche": ["EV"]},
    "fixed_phrases": ["in virtù di", "in base a", "in grado di", "nel corso di", "da parte di", "a causa di",
                      "per conto di", "a favore di", "in vista di", "in seguito a", "in cambio di", "in mezzo a",
                      "a partire da", "al posto di", "in occasione di", "in nome di", "per mezzo di",
                      "sotto forma di", "a fianco di", "in qualità di", "nei confronti di", "in termini di", "equilibri di potere", "equilibrio di potere",
                      # Locuzioni avverbiali: una lacuna chiede la formula, non un fatto ("In ____, il CASIP mira").
                      "in sostanza", "in realtà", "in effetti", "in pratica", "in particolare", "in generale",
                      "di fatto", "sul serio", "in sintesi", "in breve", "in fondo", "a livello globale",
                      "a livello mondiale", "in ogni caso", "del resto", "per esempio", "ad esempio"],
    "pronouns": ["esso", "essa", "essi", "esse", "egli", "ella", "lui", "lei", "loro", "suo", "sua", "suoi",
                 "sue"],
    # Aggettivi che descrivono, non classificano: "piccoli vasi" non è un tipo di vaso (siblings.py).
    # Anche gli aggettivi che precedono il nome ("grande fiume"), che un termine di due parole non ha in testa.
    "generic_modifiers": [
        "nuovo", "nuova", "nuovi", "nuove", "grande", "grandi", "gran", "piccolo", "piccola", "piccoli", "piccole",
        "vari", "varie", "diversi", "diverse", "stesso", "stessa", "stessi", "stesse", "altro", "altra", "altri",
        "altre", "principale", "principali", "importante", "importanti", "numerosi", "numerose", "molti",
        "molte", "pochi", "poche", "intero", "intera", "interi", "intere", "totale", "generale", "comune",
        "particolare", "semplice", "lungo", "lunga", "lunghi", "lunghe", "breve", "brevi", "vecchio", "vecchia",
        "bello", "bella", "buono", "buona", "ultimo", "ultima", "unico", "unica", "vero", "vera", "certo", "certa",
        "tale", "tali", "ogni", "proprio", "propria", "noto", "nota", "famoso", "famosa", "celebre", "celebri",
        "enorme", "enormi", "vasto", "vasta", "minuscolo", "minuscoli", "piccolissimi", "rapido", "rapida",
        "lento", "lenta", "recente", "recenti", "moderno", "moderna", "attuale", "attuali", "possibile",
        "specifico", "specifica", "significativo", "significativa", "forte", "forti", "debole", "ampio",
        "ampia", "profondo", "profonda", "singolo", "singola", "umano", "umana", "umani", "adulto", "spesso",
        "sottile", "maggior", "minor", "maggiore", "minore", "più", "meno", "molto", "molta", "tutto", "tutta",
        "semplice", "semplici", "presente", "presenti", "attraverso", "dentro", "fuori", "sopra", "sotto", "presso",
        "verso", "insieme", "ancora", "sempre", "oggi", "allora", "poi", "quindi",
    ],
    # Aggettivi che si escludono nel mondo: un termine scambiato dentro un insieme è falso.
    "contrast_sets": [
        ["destro", "sinistro"], ["destra", "sinistra"], ["destri", "sinistri"], ["destre", "sinistre"],
        ["superiore", "inferiore"], ["superiori", "inferiori"], ["interno", "esterno"], ["interna", "esterna"],
        ["interni", "esterni"], ["interne", "esterne"], ["settentrionale", "meridionale"],
        ["orientale", "occidentale"], ["primo", "secondo", "terzo"], ["prima", "seconda", "terza"],
        ["positivo", "negativo"], ["positiva", "negativa"], ["maschile", "femminile"], ["rossi", "bianchi"],
        ["arterioso", "venoso"], ["sistemica", "polmonare"], ["primario", "secondario", "terziario"],
        ["primaria", "secondaria", "terziaria"], ["solido", "liquido", "gassoso"], ["aerobica", "anaerobica"],
        ["eucariotica", "procariotica"], ["eucariotiche", "procariotiche"], ["dominante", "recessivo"],
        ["caldo", "freddo"], ["calda", "fredda"], ["continua", "alternata"], ["pubblico", "privato"],
        ["pubblica", "privata"], ["cinetica", "potenziale"], ["volontario", "involontario"],
        ["unicellulari", "pluricellulari"], ["sessuata", "asessuata"], ["fiscale", "monetaria"],
        ["ricco", "povero"], ["ricca", "povera"], ["vegetale", "animale"], ["vegetali", "animali"],
        ["tenue", "crasso"], ["gastrico", "pancreatico", "enterico"], ["meccanica", "chimica"], ["grande", "piccola"],
        ["grandi", "piccoli"], ["ionico", "covalente", "metallico"], ["semplice", "doppio", "triplo"],
        ["ignea", "sedimentaria", "metamorfica"], ["ignee", "sedimentarie", "metamorfiche"],
    ],
    "templates": {
        "prefix": "Secondo il testo",
        "multiple_members": "Secondo il testo, quali di queste opzioni rientrano tra {group}?",
        "multiple_list": "Secondo il testo, quali di queste opzioni completano la frase: «{cloze}»?",
        "single_members": "Secondo il testo, quale di queste opzioni rientra tra {group}?",
        "tf_members": "Secondo il testo, {item} rientra tra {group}.",
        "tf_benefit": "Secondo il testo, {item} è {one_of} {head}.",
        "acronym_short": "Secondo il testo, qual è il nome per esteso della sigla {acronym}?",
        "acronym_single": "Secondo il testo, che cosa significa la sigla {acronym}?",
        "deadline_goal": "Secondo il testo, entro quale anno l'obiettivo è {goal}?",
        "deadline_plain": "Secondo il testo, quale anno completa la frase: «{cloze}»?",
        "year_numeric": "Secondo il testo, quale anno completa la frase: «{cloze}»?",
        "number_numeric": "Secondo il testo, quale numero completa la frase: «{cloze}»?",
        "year_single": "Secondo il testo, quale anno completa la frase: «{cloze}»?",
        "entity_single": "Secondo il testo, quale opzione completa la frase: «{cloze}»?",
        "wh_who": "Secondo il testo, chi {rest}?",
        "wh_year": "Secondo il testo, in che anno {rest}?",
        "tf_statement": "Secondo il testo: «{statement}»",
        "multiple_items": "Secondo il testo, quali di questi rientrano tra {art} {head}?",
        "cloze": "Secondo il testo, completa la frase: «{cloze}»",
        "definition_short": "Secondo il testo, che cos'è {term}?",
        "explanation": "Il testo dice: «{evidence}»",
    },
    # Answer matching
    # How a free answer may write a number (match.py). Pieces of number words, glued as Italian writes them ("duemilatrecento", "ventotto"):
    # the elided forms "vent", "cent"... join a piece that starts with a vowel.
    # Quantificatori prima di un numero in lettere ("alcune centinaia di migliaia"): un vuoto dopo uno inizia dentro il numero.
    "vague_quantifiers": ["alcune", "alcuni", "diverse", "diversi", "molte", "molti", "qualche", "varie", "vari"],
    "answer_number_words": {
        "zero": 0, "uno": 1, "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
        "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13,
        "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18,
        "diciannove": 19, "venti": 20, "vent": 20, "trenta": 30, "trent": 30, "quaranta": 40,
        "quarant": 40, "cinquanta": 50, "cinquant": 50, "sessanta": 60, "sessant": 60, "settanta": 70,
        "settant": 70, "ottanta": 80, "ottant": 80, "novanta": 90, "novant": 90, "cento": 100,
        "cent": 100, "mille": 1000, "mila": 1000, "milione": 1000000, "milioni": 1000000,
        "miliardo": 1000000000, "miliardi": 1000000000,
    },
    # Words that join the parts of one number ("mille e cento").
    "answer_number_links": ["e"],
    # Articles that mean "one" before a multiplier ("un milione").
    "answer_number_one": ["un", "uno"],
    # Written after a number, the same as "%".
    "answer_percent_words": ["per cento", "percento"],
    # How a free answer may write a date: the day as an ordinal ("1º", "1°", "primo"),
    # months cut short, a word between the parts ("marzo del 1896"), figures day first.
    "answer_ordinal_marks": ["º", "°", "ª"],
    "answer_first_day": ["primo"],
    "answer_month_abbreviations": ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
    "answer_date_links": ["del", "di"],
    # Abbreviazioni di "numero" dentro un nome ("Sinfonia n. 9").
    "number_abbreviations": ["n", "nr"],
    # Parole prima di un numero di serie ("la legge … numero 1075", "n. 5"): un'etichetta, mai un anno o una quantità.
    "numbering_words": ["numero", "n", "nr", "n°", "nº"],
    # Parole che elevano l'unità che le precede ("metri quadrati"): nessun vuoto finisce prima di esse.
    "unit_powers": ["quadrati", "quadrato", "quadrate", "cubi", "cubo", "cube"],
    # Le parole di un intervallo tra numeri ("da 40 a 60" è "40-60").
    "answer_range_words": ["da", "dal", "dai", "tra", "fra", "a", "al", "ai", "e"],
    "answer_numeric_dates": ["dmy"],
    # Words an answer may drop at its edges: they point back or stress, they do not narrow
    # the answer ("relativa catena di approvvigionamento" is the "catena di approvvigionamento").
    "answer_modifiers": [
        "relativo", "relativa", "relativi", "relative", "rispettivo", "rispettiva", "rispettivi", "rispettive",
        "proprio", "propria", "propri", "proprie", "suo", "sua", "suoi", "sue", "loro", "nostro", "nostra",
        "nostri", "nostre", "vostro", "vostra", "vostri", "vostre", "questo", "questa", "questi", "queste",
        "quello", "quella", "quelli", "quelle", "quel", "quei", "quegli", "suddetto", "suddetta", "suddetti",
        "suddette", "cosiddetto", "cosiddetta", "cosiddetti", "cosiddette", "stesso", "stessa", "stessi",
        "stesse", "medesimo", "medesima", "medesimi", "medesime", "tale", "tali",
    ],
}
