"""Import questions from Moodle GIFT and Moodle XML files into a teacher's question bank.

records, gift and moodle_xml parse files into immutable records and import no
Flask; service saves records into a bank (its one entry point is
service.import_questions); views is the teacher's upload → preview → save.
"""
