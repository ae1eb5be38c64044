"""Expectations found in the wording news uses for them, and wishes and conditions that
stay none (sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import analyze

pytestmark = pytest.mark.model

FOUND = [
    # (published, sentence, due start, due end)
    # "a week from today" after a name is a day counted on, not a rate ("a week" after a
    # noun)
    ("2022-05-20", "The Karst musical opens in North America a week from today.",
     "2022-05-27", "2022-05-27"),
    # "dated for" a day is set for it
    ("2020-07-27", "The Karst studio's next musical is now dated for 2 July 2021.",
     "2021-07-02", "2021-07-02"),
    ("2020-07-27", "The studio has dated its next musical for 2 July 2021.", "2021-07-02",
     "2021-07-02"),
    # "set down for" a day is set for it (no landing)
    ("2020-08-10", "The Karst general election, set down for 19 September, is the first since "
     "the floods.", "2020-09-19", "2020-09-19"),
    # "the week beginning" a day is that week, no beginning of its own
    ("2022-01-20", "The civil servant is now likely to hand over her conclusions in the week "
     "beginning 24 January, according to Whitehall sources.", "2022-01-24", "2022-01-30"),
    ("2021-02-25", "The government will ship an initial batch in the week starting April 5.",
     "2021-04-05", "2021-04-11"),
    # a wish told in the past is still the wish: the minister has not changed his mind
    ("2021-03-01", "The mayor wanted the new tram fares to apply from January.", "2022-01-01",
     "2022-01-31"),
    ("2021-03-01", "The harbour board wanted the ferry operator to submit its timetable in "
     "April.", "2021-04-01", "2021-04-30"),
    # "even if" grants what follows; a court ruling that something will begin says when;
    # "the first day of" a year is that day; a particle before it is its preposition
    ("2020-06-08", "The Harwick cathedral will be open for worship again in 2024, even if "
     "scaffolding remains on parts of the outside.", "2024-01-01", "2024-12-31"),
    ("2020-07-20", "The Harwick District Court ruled on Sunday that the evidentiary stage of "
     "the Tarn trial will begin in January.", "2021-01-01", "2021-01-31"),
    ("2006-03-17", "The government still wants to switch on the first day of 2007.",
     "2007-01-01", "2007-01-01"),
    # what "remained on track" is still ahead for the rest of its period; a clause past a
    # semicolon is no demand's object
    ("2013-07-13", "Parker told employees that the companies remained on track to complete "
     "their combination in the third quarter.", "2013-07-13", "2013-09-30"),
    ("2013-08-31", "The Tarn trial is set to begin on 25 November, the judge ruled; the "
     "government had asked for a date next March.", "2013-11-25", "2013-11-25"),
    # a sum promised by a deadline is a commitment to follow up, not a figure
    ("2024-01-16", "Tarn Steel has also committed to invest about $11 billion in its Harwick "
     "plants by 2028.", "2024-01-16", "2028-12-31"),
    # a passive in progress with a time ahead, as "is opening on Tuesday"
    ("2024-11-29", "The new Harwick bridge is being opened on Tuesday.", "2024-12-03",
     "2024-12-03"),
    # "provided" before the clause makes no condition of it
    ("2021-03-01", "The city provided the funds, and the footbridge will open in May.",
     "2021-05-01", "2021-05-31"),
    # a wish in a relative clause says who someone is
    ("2020-08-15", "After two weeks of blockades by supporters of the party, who wanted the "
     "vote held on 6 September, the president signed a law that fixes 18 October as the "
     "election date.", "2020-10-18", "2020-10-18"),
    # a condition word with an object or "with" is a verb of its own, and "as long as two
    # years" is a length; a wish in the present is held
    ("2021-03-01", "The new rail line will open in 2023, providing the city with a direct "
     "link to the airport.", "2023-01-01", "2023-12-31"),
    ("2021-03-01", "Lee is assuming the presidency in June.", "2021-06-01", "2021-06-30"),
    ("2021-03-01", "Provided with new funding, the museum will open in 2022.", "2022-01-01",
     "2022-12-31"),
    ("2021-03-01", "The council, which wants the bridge reopened by May, has asked for more "
     "funds.", "2021-03-01", "2021-05-31"),
    ("2024-11-25", "Checkpoints are still due to begin enforcing the law on May 7, 2025, but "
     "agencies may phase in full enforcement over as long as two years, until May 5, 2027.",
     "2025-05-07", "2025-05-07"),
    # a wish for a thing and its participle, as with "have the bridge repainted"
    ("2021-03-01", "Residents want the sea wall repairs completed by May.", "2021-03-01",
     "2021-05-31"),
    # a clause the event waits on does not make a dated event a condition
    ("2021-01-10", "The ferry operator will resume sailings to the island in April once the "
     "new pier is finished.", "2021-04-01", "2021-04-30"),
    ("2019-02-04", "The regulator is expected to approve the vaccine in June, once the final "
     "trial data have been checked.", "2019-06-01", "2019-06-30"),
    # "when" gives the event the date of the clause it names
    ("2016-03-01", "The two governments hope to sign the water treaty when their leaders meet "
     "in September.", "2016-09-01", "2016-09-30"),
    # a weekday on the event of a hope or plan is the coming one
    ("2022-05-02", "The governor hopes to open the new bridge on Friday.",
     "2022-05-06", "2022-05-06"),
    # a speaker's expectation told in the past tense of the report is still held
    ("2020-01-12", "He expected the new ferry terminal to be finished by the end of this "
     "year.", "2020-01-12", "2020-12-31"),
    # a span "from" one day "to" another is both its ends, with the month said once too
    ("2019-04-24", "The president will pay a state visit to Osterlich from 3 to 5 June.",
     "2019-06-03", "2019-06-05"),
    # vague and inexact amounts of time from the article's day
    ("2021-03-01", "Flight tests of the new drone are expected to begin within weeks.",
     "2021-03-01", "2021-04-12"),
    ("2021-03-01", "The inquiry's findings are expected within weeks.",
     "2021-03-01", "2021-04-12"),
    ("2021-03-01", "Voters in the province go to the polls in just over two months.",
     "2021-05-01", "2021-06-01"),
    # "has until <date> to": a deadline
    ("2021-03-01", "The competition authority now has until June 14 to rule on the bid.",
     "2021-03-01", "2021-06-14"),
    ("2021-03-01", "The ministry has until May 3 to decide.", "2021-03-01", "2021-05-03"),
    # an event kept to its date with no verb of its own
    ("2021-03-01", "The opening of the museum remains scheduled for October.",
     "2021-10-01", "2021-10-31"),
    ("2021-03-01", "The company said the new scooter remained on course for the autumn.",
     "2021-09-01", "2021-11-30"),
    ("2021-03-01", "The council said the tram was still on track to enter service in 2022.",
     "2022-01-01", "2022-12-31"),
    # a denial before "and" is not said of what follows it
    ("2021-03-01", "The builder dismissed reports that the works had stopped and said the "
     "tower was still on track to open in 2022.", "2022-01-01", "2022-12-31"),
    ("2021-03-01", "The union rejected the offer and said the strike would begin in May.",
     "2021-05-01", "2021-05-31"),
    # a condition on the other branch of the window ("or in May if ...")
    ("2021-03-01", "The senate is expected to vote on the treaty in April, or in May if the "
     "committee needs more time.", "2021-04-01", "2021-04-30"),
    # a time of day that names its day
    ("2021-03-01", "Three trains are to arrive side by side at the new station on Friday "
     "morning to mark the opening.", "2021-03-05", "2021-03-05"),
    # "set X to begin": the object does what the infinitive says
    ("2021-03-01", "The judge has set the hearing in the bribery case to begin on June 7.",
     "2021-06-07", "2021-06-07"),
    # a delay whose new date follows "back to the end of"
    ("2021-03-01", "The agency on Monday pushed the first test flight of the glider back to "
     "the end of the third quarter of 2021.", "2021-07-01", "2021-09-30"),
    # a limit set by another dated event
    ("2021-03-01", "The minister hoped the senate would approve the pact before the April 25 "
     "elections.", "2021-03-01", "2021-04-24"),
    # "December of next year": the year after "of" places the month (and the month
    # before "or" with it)
    ("2015-10-11", "Deliveries of the new trams would now begin in late November or December "
     "of next year, the maker said.", "2016-11-21", "2016-12-31"),
    # the date may hang on any word climbed through ("hoped to start building ... in 2023")
    ("2022-04-08", "He also said he hoped to start making the new Skylark in 2023, after "
     "once promising it for 2020.", "2023-01-01", "2023-12-31"),
    # "decide whether ...": the decision is the event
    ("2021-03-01", "The regulator now has until June 30 to decide whether the airline can "
     "buy its rival.", "2021-03-01", "2021-06-30"),
    # a cue word with a particle is another verb: "set off" is the event, not "set to"
    ("2021-03-01", "The charity rowers are due to set off from Lisbon on 12 April.",
     "2021-04-12", "2021-04-12"),
    # a participle the parser takes for an infinitive ("reopen to vaccinated visitors")
    # neither carries the event nor keeps the date from it
    ("2021-10-20", "The museum will reopen to vaccinated visitors on November 8.",
     "2021-11-08", "2021-11-08"),
    # determined, keen and eager to: intentions with a date
    ("2021-03-01", "The mayor is determined to open the new library in September.",
     "2021-09-01", "2021-09-30"),
    ("2021-03-01", "The brewery is keen to start exports to Japan next year.",
     "2022-01-01", "2022-12-31"),
    # targets: a target date for an event, a target "of" a time set for one
    ("2021-03-01", "The target date for the merger is 30 September.",
     "2021-09-30", "2021-09-30"),
    ("2021-03-01", "The port has set a target of 2024 for the opening of the new terminal.",
     "2024-01-01", "2024-12-31"),
    # a gerund after a verb of its end phase carries the event ("finish building")
    ("2021-03-01", "The shipyard aims to finish building the ferry by October.",
     "2021-03-01", "2021-10-31"),
    # confident of doing something by a date
    ("2023-02-01", "The club's owner is confident of finishing the new stand by the end of 2024.",
     "2023-02-01", "2024-12-31"),
    # an event expected "during" a time, also one that premodifies a noun ("its 2023
    # financial year")
    ("2023-02-01", "The insurer anticipates completion of the deal during its 2025 financial "
     "year.", "2025-01-01", "2025-12-31"),
    ("2022-04-28", "The airline expects the first deliveries during the summer.",
     "2022-06-01", "2022-08-31"),
    # a reported plan with a deadline ahead, whatever its cue
    ("2021-03-01", "Officials said the ministry was planning to finish the road by June.",
     "2021-03-01", "2021-06-30"),
    # a weekday of what was reported as likely is the coming one
    ("2024-01-17", "Officials said on Wednesday that the council was likely to put the budget "
     "to a vote on Thursday.", "2024-01-18", "2024-01-18"),
    # a verb in -s the parser takes for a plural noun ("the start-up aims to")
    ("2023-03-01", "The start-up aims to build its first plant by the end of 2025.",
     "2023-03-01", "2025-12-31"),
    # "no earlier than" a month is a bound on the event's date
    ("2021-03-01", "A decision on the licence is expected no earlier than June.",
     "2021-06-01", "2021-06-30"),
    # working towards a date for an event, or towards a dated event: a plan of it
    ("2021-03-01", "The city said it was still working towards 1 June for the opening of the "
     "new library.", "2021-06-01", "2021-06-01"),
    # a span after a verb is ahead, though its subject is "the first" of something
    ("2021-03-01", "The first phase will open in two years.", "2023-03-01", "2023-03-31"),
    # within a range of amounts: by the longer; "within the next" amount
    ("2021-03-01", "The ferry will be repaired within two to three weeks.",
     "2021-03-01", "2021-03-22"),
    ("2021-03-01", "The inquiry will report within the next two or three months.",
     "2021-03-01", "2021-06-01"),
    # a delay with a clause of its own after it ("after ... argued") keeps its new date
    ("2021-03-02", "The council on Monday postponed the referendum until 12 June, after "
     "opponents argued that the ballot papers were wrong.", "2021-06-12", "2021-06-12"),
    # a delay to a bound: "moved to no earlier than"
    ("2021-03-01", "The agency said the first crewed flight has moved to no earlier than "
     "October.", "2021-10-01", "2021-10-31"),
    # the final quarter of a year is its fourth
    ("2021-03-01", "The reopening of the concert hall has been pushed back to the final "
     "quarter of 2022.", "2022-10-01", "2022-12-31"),
    # an event set for a date by someone, in the simple past
    # a time that is the date set for an event, and an event on the calendar
    ("2021-03-01", "The end of June is still the date for completing the handover.",
     "2021-06-21", "2021-06-30"),
    ("2021-03-01", "The appeal hearing remains on the calendar for 9 April.",
     "2021-04-09", "2021-04-09"),
    # the simple present of what is still to come on the article's own day
    ("2022-03-10", "The assembly debates the budget later today.", "2022-03-10", "2022-03-10"),
    ("2022-03-10", "The new speed limit takes effect at midnight tonight.", "2022-03-10",
     "2022-03-10"),
    # "expected back": only a verb that moves a date takes "back" as its particle
    ("2021-01-25", "Students at the college are expected back in the lecture halls on 8 March.",
     "2021-03-08", "2021-03-08"),
    # "open" with a plural subject and no copula is the verb
    ("2022-03-10", "Voting booths open at 8 a.m. tomorrow.", "2022-03-11", "2022-03-11"),
    ("2022-03-10", "Its doors open to the public on Sunday, and tickets for the opening weekend "
     "have sold well, the gallery said.", "2022-03-13", "2022-03-13"),
    # the first of a batch is due as the batch is
    ("2022-03-10", "The first of the navy's six frigates is due in June 2024.", "2024-06-01",
     "2024-06-30"),
    # a wish whose infinitive the parser hangs on the object as a relative clause
    ("2022-03-01", "Ministers want the new floor price to apply in June.", "2022-06-01",
     "2022-06-30"),
    # "or early next": the year after the one just named; "this year" from the article's day
    ("2022-03-10", "The new tram will run later this year or early next.", "2022-09-02",
     "2023-05-01"),
    ("2022-03-10", "The bridge will open this year or early next.", "2022-03-10", "2023-05-01"),
    # the present passive of a schedule, with its own date: the weekday is the coming one
    ("2024-03-01", "The first paying visitors are admitted from Saturday, the museum said.",
     "2024-03-02", "2024-03-02"),
    ("2024-03-01", "The winners are announced on 14 March.", "2024-03-14", "2024-03-14"),
    # an appearance before judges is an event; a week from today is that day
    ("2013-04-10", "The deputy president is scheduled to appear before the judges on 28 May.",
     "2013-05-28", "2013-05-28"),
    ("2013-09-03", "A week from today, the trial opens in The Hague.", "2013-09-10",
     "2013-09-10"),
    ("2013-09-03", "The treaty will expire eight years from now.", "2021-01-01", "2021-12-31"),
    # "for two years from today" lasts from today (a newcomer's review)
    ("2024-03-01", "The fare freeze will apply for two years from today.", "2024-03-01",
     "2024-03-01"),
    # but "a month from January" is a rate, and January the date
    ("2024-09-24", "Ministers agreed on Monday to raise the ticket price to 58 euros a month "
     "from January.", "2025-01-01", "2025-01-31"),
    # an occasion stands for its event, and a day that remains a date is that date
    ("2016-12-10", "The signing ceremony is on Friday.", "2016-12-16", "2016-12-16"),
    ("2016-12-10", "The great hall's opening night remains 11 January.", "2017-01-11",
     "2017-01-11"),
    ("2017-10-20", "Polling day remains 26 October, the commission said.", "2017-10-26",
     "2017-10-26"),
    # "have" a count of things that take place is still those events
    ("2024-03-01", "The band will have three concerts in London in June.", "2024-06-01",
     "2024-06-30"),
    # "due to land" hung on "due" as the infinitive it is, but tagged a noun
    ("2024-09-12", "The three are due to land back on Earth on 27 September.", "2024-09-27",
     "2024-09-27"),
    # a weekday the parser hung on the copula of "due" is the landing's, ahead
    ("2020-07-27", "The jets are due to land in Paris on Sunday.", "2020-08-02", "2020-08-02"),
    # an age group is one word: the parse keeps its verb and its date
    ("2021-01-14", "The ministry plans to start inoculating people aged 65 and over in late "
     "March.", "2021-03-22", "2021-03-31"),
    ("2021-04-09", "The shots for people aged 65 and over begin on Monday in those places.",
     "2021-04-12", "2021-04-12"),
    # a time beside a thing shown is when it is shown, no date on display
    ("2022-06-13", "The aquarium hopes to show its new otters to visitors this summer.",
     "2022-06-13", "2022-08-31"),
    # what "was still" on track still held when it was said
    ("2018-03-27", "The unit was handed over for testing, and the Tarn reactor was still on "
     "track to begin operation this year.", "2018-03-27", "2018-12-31"),
    # what a ruling clears the way for is expected
    ("2019-01-11", "A Harwick judge ruled on Thursday that the council could not block the "
     "strike, clearing the way for 3,000 bus drivers to walk out on Monday.", "2019-01-14",
     "2019-01-14"),
    # "the last day of the month": of the article's month
    ("2021-07-01", "The ship will join the fleet on the last day of the month.", "2021-07-31",
     "2021-07-31"),
]  # fmt: skip

QUESTIONS = [
    # "on or before" is one bound: "on" is no particle of "come"
    ("2022-10-25", "The department told interested parties that the ruling on the Harwick mine "
     "would now come on or before 8 December, after the climate summit.",
     "Will the ruling on the Harwick mine take place by 8 December 2022?"),
    # an age group is no thing of its own
    ("2021-04-09", "Vaccinations for residents aged 75 and over will start on 3 May.",
     "Will the vaccinations for residents start on 3 May 2021?"),
    # a person due in a place arrives there; "he" is the person named just before
    ("2010-11-04", "Minister Ana Voss is due in Jakarta next Tuesday, after two days in "
     "Manila.", "Will Minister Ana Voss arrive in Jakarta on 9 November 2010?"),
    ("2010-03-10", "The date of Tom Reed's departure depends on the council. Aides say he will "
     "leave on 18 March.", "Will Tom Reed leave on 18 March 2010?"),
    # a dateline is no word of the name after it
    ("2010-02-24", "HARWICK - Minister Ana Voss will visit Tarnland in March, her office said.",
     "Will Minister Ana Voss visit Tarnland in March 2010?"),
    # a verb of the lexicon with its particle and object is no cue ("let" = allow)
    ("2021-06-15", "The Tarnby museum will let the public in on 20 July, the trust said, with "
     "four exhibitions on two floors.", "Will the Tarnby museum let in the public on 20 July "
     "2021?"),
    # a plant's output aimed at is its start
    ("2020-05-15", "Tarn Semiconductor is targeting production at the Harwick fab in 2024.",
     "Will Tarn Semiconductor start production in 2024?"),
    ("2019-05-01", "The operator expects first gas from the field in the first half of 2021.",
     "Will first gas from the field come between January 2021 and June 2021?"),
    # a relative clause the parser hung on the main verb is said of the object before it
    ("2022-03-10", "The ferry company is on course to launch its new vessel, with no "
     "passengers aboard, that will sail to the islands later this year or early next.",
     "Will the new vessel sail between 2 September 2022 and 1 May 2023?"),
    # a thing set off with "due" is due, not what the sentence says of someone else
    # the first of a batch of happenings is one of them, and a final is a match
    ("2022-03-10", "The last of the public hearings is due in May.",
     "Will the public hearings go ahead in May 2022?"),
    ("2022-03-10", "The final of the tournament is due on Sunday.",
     "Will the final of the tournament go ahead on 13 March 2022?"),
    # someone due somewhere is a visit, not the person going ahead
    ("2022-03-10", "The minister, due in Paris on Monday, will meet her French counterpart.",
     "Will the minister meet her French counterpart on 14 March 2022?"),
    # ... and a name the subject gives is not put before the object's noun
    ("2022-03-10", "NASA is on track to launch the Orion capsule, with no crew aboard, that "
     "will circle the moon later this year or early next.",
     "Will the Orion capsule circle the moon between 2 September 2022 and 1 May 2023?"),
    # a schedule in the second half of a conjunction is said of the first half's subject
    ("2025-11-25", "The next cargo flight will carry food but no crew and is targeted for no "
     "earlier than April 2026.", "Will the next cargo flight take place in April 2026 or "
     "later?"),
    # "due" the parser hung on the verb as a preposition ("due to" stays a cause)
    ("2023-05-03", "The reviews raised the stakes for Skyward Drift, due in September, which "
     "is now the studio's biggest release.", "Will Skyward Drift go ahead in September 2023?"),
    ("2023-03-08", "Fans will see more of Skyward Drift, due in September, at the June "
     "showcase.", "Will Skyward Drift go ahead in September 2023?"),
    # "it" the thing of a passive stays the thing, not the company that speaks
    ("2022-05-01", "Sony said it would be released in Japan in June.",
     "Will it be released in June 2022?"),
    # "plans for X to": the infinitive's own subject does it
    ("2014-01-01", "The company plans for the machine to reach its exit pit in about 14 "
     "months.", "Will the machine reach its exit pit in March 2015?"),
    # a thing wanted in a state goes into it; the state is not part of the thing's name
    ("2014-01-01", "The operator wants the new trains in service by May.",
     "Will the new trains go into service by 31 May 2014?"),
    ("2014-01-01", "The operator expects to have the new trains in service by May.",
     "Will the new trains go into service by 31 May 2014?"),
    ("2018-03-01", "Tokyo wants the pact in force before the end of the year.",
     "Will the pact enter into force by 31 December 2018?"),
    # the amount a value goes up to is no thing that goes up, and "so" no part of the subject
    ("2019-05-06", "Talks are moving too slowly, Trump wrote on Sunday, and so the 10 per cent "
     "tariff on Chinese goods will go up to 25 per cent on Friday.",
     "Will the 10 per cent tariff on Chinese goods go up on 10 May 2019?"),
    # a product "in stores" or "on sale" from a day is released then
    ("2018-01-26", "The speaker is expected in stores in March.",
     "Will the speaker be in stores in March 2018?"),
    ("2018-01-26", "The speaker will be on sale on 9 February.",
     "Will the speaker be on sale on 9 February 2018?"),
    # trains expected on a line go into service there; a minister on the line does not
    ("2018-01-10", "The first Hitachi Class 385s are now expected on the Edinburgh–Glasgow "
     "main line in late March.",
     "Will the first Hitachi Class 385s be on the line between 22 March 2018 and 31 March "
     "2018?"),
    # a next attempt planned for a day the parser hangs on the attempt
    ("2025-01-14", "Blue Origin plans its next launch attempt on Thursday.",
     "Will the launch (Blue Origin) take place on 16 January 2025?"),
    # what one schedules or sets for a date is an event, whatever the noun
    ("2019-02-20", "Judge Ellis has scheduled the Virginia hearing for 7 March.",
     "Will the Virginia hearing go ahead on 7 March 2019?"),
    ("2019-02-20", "The judge set the trial for 7 March.",
     "Will the trial go ahead on 7 March 2019?"),
    # "on course" the parser makes an adverb still keeps the event on course
    ("2019-01-10", "Los Angeles teachers remain on course to walk out next Thursday.",
     "Will the Los Angeles teachers walk out on 17 January 2019?"),
    # "this afternoon" names the article's own day
    ("2019-01-22", "Union members will vote on the agreement at their schools this "
     "afternoon.", "Will the union members vote on 22 January 2019?"),
    # the question names the actors and the event, in a grammatical sentence
    ("2021-03-01", "The tribunal's verdict is expected within weeks.",
     "Will the tribunal's verdict take place by 12 April 2021?"),
    ("2021-03-01", "The competition authority now has until June 14 to rule on the bid.",
     "Will the competition authority rule on the bid by 14 June 2021?"),
    ("2021-03-01", "The new desalination plant will be ready in 2023.",
     "Will the new desalination plant be ready in 2023?"),
    # a passive whose clause names no one who acts borrows no actors from elsewhere,
    # and "its" opening a question would point at nothing
    ("2021-03-01", "The Port Authority of Valdora said it would study the new offer, with its "
     "verdict expected to be delivered by April 30.",
     "Will the verdict be delivered by 30 April 2021?"),
    # time given to someone else: "gave the firm until ... to sell"
    ("2021-03-01", "The judge gave the railway company until May 5 to publish the safety "
     "report.", "Will the railway company publish the safety report by 5 May 2021?"),
    # racing to do something is an aim
    ("2021-03-01", "The two banks have been racing to close the transaction ahead of July 18.",
     "Will the two banks close the transaction by 18 July 2021?"),
    # "go into production" is the start of production, not a "go"
    ("2022-05-01", "The company said the new tractor would go into production at the plant "
     "next year.", "Will the new tractor go into production in 2023?"),
    ("2022-05-01", "The founder said he hoped to have the Skylark in production next year.",
     "Will the Skylark go into production in 2023?"),
    # the window is said once, at the end, even where the parser hangs it on the noun
    ("2021-03-01", "The two banks have been racing to finalise the transaction ahead of "
     "July 18.", "Will the two banks finalise the transaction by 18 July 2021?"),
    ("2021-03-01", "Two ferries are to dock at the new pier on Friday morning.",
     "Will the two ferries dock on 5 March 2021?"),
    # "on Monday" is when the delay was announced, not what was delayed
    ("2021-03-01", "The agency on Monday pushed the first test flight of the glider back to "
     "the end of the third quarter of 2021.",
     "Will the first test flight of the glider take place in the third quarter of 2021?"),
    # things that are due (no event named) are expected to arrive, a count of them too
    ("2021-03-01", "The first electric buses are due in July.",
     "Will the first electric buses arrive in July 2021?"),
    ("2021-03-01", "All 40 are due by the end of next year.",
     "Will all 40 arrive by 31 December 2022?"),
    # aiming for a dated event; its date is said once, at the end
    ("2021-03-01", "The organisers are aiming for a June launch of the festival.",
     "Will the launch of the festival take place in June 2021?"),
    # a state wanted or expected of something by a date
    # a verb joined to another shares its subject: not "Will it vote?"
    ("2023-11-08", "The budget committee of the Ruritanian parliament will debate and vote on "
     "the accession protocol on November 16.",
     "Will the budget committee of the Ruritanian parliament vote on the accession protocol "
     "on 16 November 2023?"),
    ("2021-03-01", "The council wants the new footbridge open before May.",
     "Will the new footbridge be open by 30 April 2021?"),
    ("2021-03-01", "The mayor expects the renovated pool ready by June.",
     "Will the renovated pool be ready by 30 June 2021?"),
    ("2020-12-24", "Masks will be mandatory on buses from 1 January.",
     "Will the masks be mandatory on 1 January 2021 or later?"),
    # a state said with "in" that begins ("in place", "in service"), also as a bound
    ("2021-03-01", "The new parking charges will be in place by June.",
     "Will the new parking charges be in place by 30 June 2021?"),
    ("2021-03-01", "The low-emission zone will not be in force before 2023.",
     "Will the low-emission zone be in force in January 2023 or later?"),
    # an event, or things counted out, that someone expects at a time
    ("2021-03-01", "The navy expects the last two frigates in May.",
     "Will the last two frigates arrive in May 2021?"),
    ("2021-03-01", "The ferry company expects the first deliveries in September.",
     "Will the first deliveries take place in September 2021?"),
    # a plan said after "with" ("with X set to begin on", "with X to be delivered by")
    ("2023-02-01", "The matter will be decided by an arbitration judge, with an evidentiary "
     "hearing set to begin on 3 May.", "Will the evidentiary hearing begin on 3 May 2023?"),
    ("2023-02-01", "The first ferries already sail, with the rest of the fleet to be handed over "
     "by May 2024.", "Will the rest of the fleet be handed over by 31 May 2024?"),
    # a verb in -s the tagger took for a plural noun: with a particle or subject of its own,
    # or a word of an event after a name, in a sentence with a full stop
    ("2021-06-10", "The first match kicks off on Sunday evening in Porto.",
     "Will the first match kick off on 13 June 2021?"),
    ("2019-05-22", "Donald Trump lands in Tokyo on Saturday for a four-day visit.",
     "Will Donald Trump land for a visit on 25 May 2019?"),
    # a relative clause the parser hung on the verb as what it says ("that Theresa May will
    # host") leaves the landing its own
    ("2019-05-31", "Donald Trump lands on Monday for three days of pageantry that Theresa May "
     "will host as one of her last acts in office.", "Will Donald Trump land on 3 June 2019?"),
    # an object the parser made a clause, with the noun before it as its subject
    ("2022-05-10", "LIC makes its market debut next Tuesday.",
     "Will LIC make its market debut on 17 May 2022?"),
    # the gerund of what someone counts on is expected
    ("2019-04-13", "Vineyard Wind says it still counts on first power reaching the grid in "
     "2021.", "Will the first power reach the grid in 2021?"),
    # a window's run is when the event falls, no event of its own
    ("2004-10-30", "Discovery's return-to-flight mission is now targeted for a window running "
     "from 12 May to 3 June 2005.", "Will Discovery's return-to-flight mission take place "
     "between 12 May 2005 and 3 June 2005?"),
    # an event noun dated ahead by its own modifier is to come
    ("2020-07-20", "Campaigning intensified ahead of the 5 August general election.",
     "Will the 5 August general election take place on 5 August 2020?"),
    ("2017-03-23", "Paul Ryan is heading into Thursday's vote on the health bill with too "
     "few votes.", "Will Thursday's vote on the health bill take place on 23 March 2017?"),
    # a condition that opens the sentence stops at ", and" before a clause of its own
    ("2023-06-07", "If installation keeps pace, the first turbines will go up over the summer, "
     "and the company has repeated that it will send power to the grid later this year.",
     "Will it send power between 2 September 2023 and 31 December 2023?"),
    # a decision "whether" to do something is the event, "on or before" a day its deadline
    ("2022-07-08", "Ministers will decide on or before 17 August whether to approve the "
     "proposed coal mine.", "Will the ministers decide whether to approve the proposed coal "
     "mine by 17 August 2022?"),
    # the time of an event kept on track, hung on the verb
    ("2019-03-01", "The film remains on track for release in November 2019.",
     "Will the release of the film take place in November 2019?"),
    # a work out on a day, known by its title
    ("2020-05-01", "The Last of Us Part II is out on 29 May.",
     "Will the Last of Us Part II be out on 29 May 2020?"),
    # a singular noun right before it, with only a determiner and adjectives before that
    ("2018-04-03", "The first direct train departs on Wednesday from St Pancras.",
     "Will the first direct train depart on 4 April 2018?"),
    # a noun after "with" that a cue's participle says is planned
    ("2021-01-20", "The government approved the vaccine, with injections planned from late "
     "February.", "Will the injections go ahead between 20 February 2021 and 28 February 2021 "
     "or later?"),
    # a cue's participle after "remain" is said of the subject, as after "is"
    ("2020-09-14", "JEE Advanced, the second stage of the engineering admissions, remains set "
     "for 27 September.", "Will JEE Advanced go ahead on 27 September 2020?"),
    # "from" one day "to" another is a span, not a first day "or later"
    ("2019-04-24", "The summit will be held from 3 June to 5 June.",
     "Will the summit take place between 3 June 2019 and 5 June 2019?"),
    # "whose" stands for the noun its clause says something of
    ("2024-12-24", "The case went to Judge Ellen Marsh, whose ruling is expected in March.",
     "Will Judge Ellen Marsh's ruling take place in March 2025?"),
    # a plan that "is to" do something is its owner's doing, not the plan's
    ("2025-05-24", "The bakery's plan is to open the new shop in May.",
     "Will the bakery open the new shop by 31 May 2025?"),
    # the infinitive hung on the object of "intend", as on the object of "want"
    ("2017-02-21", "The palace still intends the royal tour to go ahead this year.",
     "Will the royal tour go ahead by 31 December 2017?"),
    # a target set for an event: a gerund after a noun of a plan, a time a cue verb
    # targets for what follows "for", a time set as the date for an event
    ("2021-03-01", "The bakery chain has set a goal of opening forty new shops by 2026.",
     "Will the bakery chain open the forty new shops by 31 December 2026?"),
    ("2021-03-01", "The museum is targeting the third quarter for reopening its east wing.",
     "Will the museum reopen its east wing in the third quarter of 2021?"),
    ("2021-03-01", "The orchestra is targeting the autumn for returning to its old hall.",
     "Will the orchestra return between September 2021 and November 2021?"),
    ("2021-03-01", "The housing trust is targeting June for the first families to move in.",
     "Will the first families move in June 2021?"),
    ("2021-03-01", "The board set 4 May as the date for the vote on the merger.",
     "Will the vote on the merger take place on 4 May 2021?"),
    # an event set for a date by someone, in the simple past: the event, not the setter
    ("2021-03-01", "The electoral commission set the referendum for 14 June.",
     "Will the referendum take place on 14 June 2021?"),
    # the first to do something, through a verb it is raised to: its subject does it
    ("2021-03-01", "Estonia is expected to be the first country to adopt the euro in 2025.",
     "Will Estonia adopt the euro in 2025?"),
    # working towards a dated event: the event is planned, not the work
    ("2021-03-01", "The agency is working towards a liftoff of the glider in April.",
     "Will the liftoff of the glider take place in April 2021?"),
    # a day set for what its clause says: that happens on the day, and the verb that set
    # it is no event of its own
    ("2021-03-01", "The city has fixed 12 June as the day the new tram line is opened.",
     "Will the new tram line be opened on 12 June 2021?"),
    ("2021-03-01", "The plan names 1 July as the day the new coins will replace the old "
     "notes.", "Will the new coins replace the old notes on 1 July 2021?"),
    # a time that is someone's target date for doing something: they do it
    ("2021-03-01", "The Latvian government said that 1 July remains its target date for "
     "joining the customs union.",
     "Will the Latvian government join the customs union on 1 July 2021?"),
    # "should ... by" a date: the deadline's end lies ahead
    ("2023-04-30", "The last of the new trams should arrive by the end of June.",
     "Will the last of the new trams arrive by 30 June 2023?"),
    # multiword events of general English ("go public", "take to the sky"); the subject
    # of the first of two coordinated verbs is the second's
    ("2023-04-30", "The meal-kit firm submitted its listing papers last week and is expected "
     "to go public in the autumn.",
     "Will the meal-kit firm go public between September 2023 and November 2023?"),
    ("2023-04-30", "The glider's builder says the prototype should take to the sky by the end "
     "of June.", "Will the prototype take to the sky by 30 June 2023?"),
    # what a trip in the future is for, with its own date
    ("2019-09-20", "The mayor will fly to Lisbon to sign the twinning charter on 3 October.",
     "Will the mayor sign the twinning charter on 3 October 2019?"),
    # what the event allows starts when the event does
    ("2021-05-14", "The council will introduce a new permit allowing free parking in the old "
     "town from 1 July.", "Will the council introduce the new permit on 1 July 2021 or later?"),
    # a clause before a semicolon is not what the cue after it expects
    ("2022-12-05", "The council has to pick a builder for the bridge; a decision between the "
     "two bids is expected in March.", "Will the decision between the two bids take place in "
     "March 2023?"),
    # "due to land": the infinitive the parser took for a noun after "due to"
    ("2023-09-12", "Rubio is due to land in Kazakhstan on 27 September together with his two "
     "Russian crewmates.", "Will Rubio land on 27 September 2023?"),
    # a relative "when" clause happens at the time it is said of
    ("2014-04-01", "The judges adjourned the case on Monday until 7 October, when a status "
     "conference will be held in The Hague.",
     "Will the status conference be held on 7 October 2014?"),
    # a weekday the "when" clause looks ahead to, and a closing concert is a concert
    ("2024-03-01", "The case was adjourned to Monday, when the judge will rule.",
     "Will the judge rule on 4 March 2024?"),
    ("2024-03-01", "The closing concert of the festival will be held on Sunday.",
     "Will the closing concert of the festival be held on 3 March 2024?"),
    # a season the recogniser leaves out is still no part of the thing asked about
    ("2018-07-17", "The Commission plans to adopt its adequacy decision in the autumn.",
     "Will the Commission adopt its adequacy decision between September 2018 and November "
     "2018?"),
    # "she" opening a sentence takes up the named subject of the one before (a ship), not
    # the ports of call
    ("2021-07-30", "Mardi Gras tied up at the cruise terminal on Friday. She is expected to "
     "depart at 6 p.m. tomorrow on a Caribbean cruise, with stops in San Juan and Nassau.",
     "Will Mardi Gras depart on a Caribbean cruise on 31 July 2021?"),
    # a pronoun that may stand for another one named takes up no one; a thing hosted keeps
    # its host; signatures put to a deal sign it (a newcomer's review)
    ("2021-02-01", "Tom Reed defended Ana Voss at the trial. She is expected to be released "
     "in May.", "Will it be released in May 2021?"),
    ("2021-02-01", "The Karst Games will be hosted by Harwick in May.",
     "Will Harwick host the Karst Games in May 2021?"),
    ("2021-02-01", "Both leaders will put their signature to the deal on Monday.",
     "Will the leaders sign the deal on 1 February 2021?"),
    # a thing held is the event, asked about as it was said
    ("2024-03-01", "The trial is to be held in Paris in May.", "Will the trial be held in May "
     "2024?"),
    # "told the symposium that": a clause told, not a question
    ("2015-04-14", "Bruno told the symposium that the first flight will take place in 2019.",
     "Will the first flight take place in 2019?"),
    # a schedule stands for the event it times
    ("2024-03-08", "The delivery schedule for the jets has slipped to 2026.",
     "Will the delivery of the jets take place in 2026?"),
    # a plan delayed to a new date is that date's, and "its" plan is its setter's
    ("2019-03-01", "The council has delayed its plan to open the bridge until May.",
     "Will the council open the bridge in May 2019 or later?"),
    # "have" with an event for its object stays that event
    ("2024-03-01", "The two leaders will have talks in Geneva next week.",
     "Will the two leaders have the talks in Geneva between 4 March 2024 and 10 March 2024?"),
    # preparing for an event that has its own date
    ("2018-04-20", "The ministry said it was still preparing for the summit on 9 May.",
     "Will the summit take place on 9 May 2018?"),
    # "have/get X done", "want X done": the thing's passive is the event, with its date
    ("2023-03-01", "The council aims to have the footbridge repainted by September.",
     "Will the footbridge be repainted by 30 September 2023?"),
    ("2023-05-20", "The school hopes to have the gym rebuilt by August.",
     "Will the gym be rebuilt by 31 August 2023?"),
    ("2023-03-01", "Both firms want to get the merger done ahead of the June 30 deadline.",
     "Will the merger be done by 30 June 2023?"),
    ("2023-05-20", "The town wants the old pier rebuilt by 2025.",
     "Will the old pier be rebuilt by 31 December 2025?"),
    # a change of a value with a date of its own is a scheduled change
    ("2023-02-01", "Water charges will increase to 40 pounds a quarter from 1 April.",
     "Will the water charges increase on 1 April 2023 or later?"),
    ("2023-02-01", "The harbour fee is planned to fall to 3 pounds in 2027.",
     "Will the harbour fee fall in 2027?"),
    # a thing that "will be back" somewhere returns there; the "if" the parser hangs on the
    # subject of the other branch's verb still makes that verb a condition
    ("2009-08-07", "The institute said that beams will be back in the Harwick collider in "
     "November.", "Will the beams be back in the Harwick collider in November 2009?"),
    ("2022-01-10", "The trains will be back on the Harwick line in May, or in June if "
     "testing the signals takes longer.",
     "Will the trains be back on the Harwick line in May 2022?"),
    # "its" opening a sentence is the thing the people of the sentence before acted on
    ("2017-11-09", "Ana Karst and Tom Reed inaugurated the Karst Museum on Wednesday "
     "evening.\n\nIts doors open to the public on Saturday, the museum said.",
     "Will the Karst Museum's doors open on 11 November 2017?"),
    # "should" with a passive looks ahead as it does with an active verb
    ("2025-01-10", "The judgment in the Harwick harbour case should finally be read out on "
     "Monday, although the court has already missed two dates.",
     "Will the judgment in the Harwick harbour case be read out on 13 January 2025?"),
    # a match booked for a day is set for it
    ("2020-03-04", "The promoters have booked the rematch for 18 July in Harwick.",
     "Will the rematch go ahead on 18 July 2020?"),
    # the time one has to decide, though the parser hangs "to decide" on the date
    ("2017-08-22", "The Karst competition authority now has until 8 January to decide, or "
     "until 22 January if the companies ask for more time.",
     "Will the Karst competition authority decide by 8 January 2018?"),
    # a decision adjourned to a day is due then
    ("2024-12-23", "The judge was away for the winter break, and the decision was adjourned "
     "until 6 January.", "Will the decision take place on 6 January 2025?"),
    # one who "sees" a thing happening by a time expects it
    ("2016-12-13", "Karst Chemicals said it still sees the deal closing before the end of "
     "2017.", "Will the deal closing (Karst Chemicals) take place by 31 December 2017?"),
    # "with" an event "to follow" at a time: it is due then
    ("2019-12-20", "The Karst committee will review the bill, with a floor vote to follow "
     "in January.", "Will the floor vote take place in January 2020?"),
    # the announcement of a decision "its" takes up is the decision's
    ("2025-01-13", "The judge said the decision was ready and signed, and he fixed Friday for "
     "its announcement.", "Will the announcement of the decision take place on 17 January "
     "2025?"),
    # what a verb of the lexicon carries is said, and where ("on the new line"), not "start"
    ("2024-03-04", "Trams should be carrying passengers on the new Harwick line before the "
     "schools break up in July, the operator said.",
     "Will the trams carry passengers on the new Harwick line by 31 July 2024?"),
    # the one given time to act acts; a delay's new day keeps its event though a "when"
    # clause says what else happens then (only a case put off is what happens then)
    ("2025-03-10", "Karst gave Tom Reed until the end of March to leave.",
     "Will Tom Reed leave by 31 March 2025?"),
    ("2025-03-10", "The launch of the Karst-3 rocket was postponed to 10 June, when the "
     "weather should be better.", "Will the launch of the Karst-3 rocket take place on 10 "
     "June 2025?"),
    # "by" a day ahead, what "should have been" done is still due
    ("2025-03-10", "By June, the Tarn line should have been extended to Harwick.",
     "Will the Tarn line be extended by 30 June 2025?"),
    # people back in a place of their own return; a step of a project that "should be"
    # taken looks ahead
    ("2019-01-22", "The union said the Harwick teachers would be back in their classrooms on "
     "Wednesday.", "Will the Harwick teachers be back in their classrooms on 23 January "
     "2019?"),
    ("2018-09-01", "Officials said the new Harwick hospital should be handed over to the "
     "health board early next year.",
     "Will the new Harwick hospital be handed over between 1 January 2019 and 1 May 2019?"),
    # a time pointed to as an event's date
    ("2006-12-04", "Finance ministry officials now point to 2010 as a realistic date for the "
     "changeover.", "Will the changeover take place in 2010?"),
    # a vote to do something expects it done; flights to resume are asked as such
    ("2020-01-15", "The Senate will vote to approve the Karst trade pact next week.",
     "Will the Senate approve the Karst trade pact between 20 January 2020 and 26 January "
     "2020?"),
    ("2001-07-18", "Commercial flights are to resume in the autumn, once a series of proving "
     "flights has been completed.",
     "Will the commercial flights resume between September 2001 and November 2001?"),
    # a condition on the other branch of a window, past "at the latest"
    ("2015-08-28", "The canal authority says the new locks will still open in April, or in the "
     "second quarter at the latest if more repairs are needed.",
     "Will the new locks open in April 2016?"),
]  # fmt: skip

NOTHING_TO_FOLLOW = [
    # a launch period that closes on a day is no event; nor a subject dated ahead that a
    # copula says something of; nor today's vote, won
    ("2022-04-30", "The mission needs a launch period that closes on 11 October."),
    ("2020-07-20", "Next year's election will be the first since the constitution was changed."),
    ("2017-03-23", "Paul Ryan won Thursday's vote on the health bill."),
    # what was done instead of an event says it will not be; an announcement of the day
    # is no event to follow
    ("2022-09-27", "Instead of attempting to blast off Tuesday on its first test flight, the "
     "322-foot rocket was moved off its launch pad."),
    ("2022-09-12", "With Monday's announcement, 27 September is now the target date."),
    # a condition that opens a sentence reaches a clause joined by "and" without a comma
    ("2023-06-07", "If the weather holds, the launch will take place on Friday and the crew "
     "will dock on Sunday."),
    # a date is no thing an event is done to
    ("2022-06-13", "The trailer ended with a title card reading only 2023."),
    # a sum to be spent or invested is a figure, as a cost is
    ("2021-07-16", "Tarn Chips has said it will spend around 30 billion dollars on capital "
     "projects this year."),
    ("2021-07-16", "Tarn Chips will invest $12 billion in the Harwick plant next year."),
    # a newcomer's review of the seventeenth session's rules: a cause, an account, a
    # conjunct with its own pronoun subject
    ("2022-03-10", "Ticket sales fell in March, due mainly to the strike."),
    ("2022-03-10", "The loss is on the books for the third quarter."),
    ("2022-03-10", "Police charged the driver, and he is due in court in April."),
    # a plan put off gives up its day (the delay names no new one)
    ("2017-12-11", "The opposition has put off its plan to swear in its leader as a rival "
     "president on Tuesday."),
    ("2024-03-01", "The board postponed its plan to hold the vote on Sunday until further "
     "notice."),
    # a sign that appears in a period is no appearance of anyone
    ("2024-03-01", "Signs of recovery should appear in the second half of the year."),
    # a plan called off is no plan to follow
    ("2019-10-17", "The council has scrapped plans to open the maritime museum in 2020."),
    # the day of an agreement is no day of what was agreed
    ("2022-10-14", "Kestrel Foods agreed on Friday to buy its smaller rival Harbour Mart."),
    # the present of the day itself reports; a payment due is no event
    ("2022-03-10", "Thousands march through the capital today."),
    ("2022-03-10", "Bonus payments due in March fell."),
    # no thing put in a state, no one event scheduled, no new vehicles (a newcomer's review)
    ("2022-05-01", "Analysts expect a slowdown in production in June."),
    ("2022-05-01", "The hospital has scheduled 200 extra staff for the bank holiday weekend."),
    ("2022-05-01", "OPEC set production quotas for June on Thursday."),
    ("2022-05-01", "Twenty million cars are expected on the roads this weekend."),
    ("2022-05-01", "It will take over in June."),
    ("2018-01-10", "The minister will be on the line at 9 a.m. on Monday."),
    # a value set for a year is no event
    ("2019-02-20", "The board set the price for 2020."),
    # a speaker's expectation of the past that the sentence says went by, or a passive one
    ("2020-01-12", "Miller expected the bridge to open in March, but the work slipped."),
    ("2020-01-12", "In 2018, Miller expected the bridge to be finished by 2022."),
    ("2020-01-12", "Although he expected the tunnel to open in 2022, engineers now say 2024."),
    ("2020-01-12", "He expected the tunnel to open in 2022; engineers now say 2024."),
    # what lets someone do a thing does not do it
    ("2021-11-01", "The union wants the right to strike in January."),
    ("2021-11-01", "The carrier expects permission to restart flights to Osterlich in January."),
    ("2020-01-12", "The bridge was expected to open in March."),
    # a plural noun at the top of a headline-like line without a full stop stays a noun
    ("2019-05-22", "Donald Trump lands on Saturday"),
    # a habit said on the verb the clause climbs from is still a habit
    ("2020-03-01", "The council will meet every month from September to review the plan."),
    # an embedded question asks, it does not expect
    ("2023-10-16", "Zeta has not said how many buses it will build this year."),
    # a date is no event: "originally planned for 12 April" is the old plan of the vote
    ("2021-03-01", "The referendum, originally planned for 12 April, was postponed because "
     "of the floods."),
    # the past of a phase verb ("finished counting on Friday") is past
    ("2021-03-06", "The auditors finished checking the accounts on Friday."),
    # a date set in the past for an event that is past by now
    ("2021-03-01", "The board set 4 February as the date for the vote on the merger."),
    # a thing had done in the past
    ("2021-03-10", "He had his car repaired on Monday."),
    # "would not be ready": a negated state proposes nothing
    ("2021-03-01", "The operator said on Tuesday that the new turbine would not be ready "
     "in 2025."),
    # when an event was set is no date of the event
    ("2021-03-01", "The committee scheduled the vote on Friday."),
    # the day a thing happened, named after the fact
    ("2021-03-01", "Historians named 9 May as the day the old bridge opened."),
    # "have" with a counted or measured object is a holding, not an event
    ("2024-03-01", "The company has 40 orders on the books for next year."),
    ("2024-03-01", "Each train will have eight carriages from 2025."),
    ("2024-03-01", "The plant will have enough capacity by 2026."),
    # a present passive in force, lasting, or dated by another event is no schedule (a
    # newcomer's review)
    ("2024-03-06", "Both teams are banned from the competition after the brawl on Saturday."),
    ("2024-03-06", "The new rules are applied from 1 January."),
    ("2024-03-06", "The bridge is closed until Friday for repairs."),
    ("2024-03-06", "The minister is quoted on Tuesday as saying the plan had failed."),
    # "due to" a noun is a cause, though the noun could be a verb
    ("2024-09-20", "Much of the violence in the region is due to land, not religion, experts "
     "said on Friday."),
    ("2024-09-20", "The rebound in hotel bookings is due to return of foreign tourists."),
]  # fmt: skip

NONE = [
    # a condition the small model hangs on no verb, or on the wrong one: opening the
    # sentence up to its comma, or following the clause
    "Should the council approve the plan, work on the tram depot would begin in the autumn.",
    "Provided funding is secured, the maritime museum would open its doors in 2022.",
    "In the event of a draw, the cup final would be replayed the following week.",
    "If the talks fail, the dockers say they will walk out in April.",
    "Assuming the weather holds, the climbers would attempt the summit on Thursday.",
    "The footbridge will open in March provided the steel arrives on time.",
    # a plan whose own verb is its failing (read as that plan's outcome, not a loop)
    "Were the plan to fail, the airline would seek a partner in Asia.",
    # a letter dated a day is no plan
    "In a letter dated 5 May, the minister said the plant was safe.",
    # a wish given up is no expectation
    "The union wanted the ferry strike to start on Monday, but it was called off.",
    "The mayor wanted the new tram fares to apply from January, but the council refused.",
    # undated: the clause waited on is a condition
    "Traffic in the harbour district will ease once the tunnel opens.",
    "The club will move to the new stadium when the council grants a licence.",
    # a hope with no date is a wish, not a plan to follow up
    "The farmers hope the new canal will end the droughts.",
    "The coach wants the team to play with more courage.",
    "She hoped the inquiry would restore trust in the police.",
    # a hard condition stays one even with a date
    "The mine will reopen in March if the owners find a buyer.",
    # an expected change of a value is no event to follow up
    "Analysts expect a rise in prices next year.",
    # what happens again and again is no one event to follow up
    "Buses will usually run every twenty minutes on weekdays.",
    "Floods will often cut the valley road in winter.",
    "The board meets on the second Monday of every month to approve budgets.",
    # and a change of a value with no date of its own is a forecast of a figure
    "The city's water bills will climb by 4 percent.",
    # a ranked try is no one who did it, nor a plan to do it
    "It will be the second attempt to ratify the river treaty.",
    # working towards something that is no event
    "The nurses are working towards better pay.",
    # a passive opened by "should" is a condition
    "Should funding be secured, the Harwick tram depot would open next spring.",
    # what one will see happen is not known yet
    "We will see what happens to the harbour plan in March.",
    # booked flights are no event set for a day
    "Tourists have booked flights to Harwick for May.",
    # a newcomer's review of this round: states, people, demands, full hotels, sittings
    "The Harwick project will be back on track by June.",
    "Karst Energy will be back in profit by 2026.",
    "The Harwick dock workers will be back at work on Monday.",
    "The Karst minister should be sacked by Friday, the opposition says.",
    "The Harwick Grand Hotel is fully booked for the summer.",
    "The Karst parliament adjourned for the summer recess on Thursday.",
    # back to a level is no return of a thing
    "Output at the Harwick mill will be back to normal by March.",
    # what an economy measures forecasts a figure, dated or not
    "The economy will shrink by 11 per cent this year.",
    "Output at the Karst smelters will fall between December and February.",
]


PAST_EXPECTATIONS = [
    # what was expected for a time over by the article's day is no expectation at all
    ("2022-11-01", "In 2019 the bus company said it would replace its diesel fleet by 2021."),
    ("2024-05-01", "The council said last year that the new pool would open in 2023."),
    # a participle joined to a past verb shares its tense: done, not due next April
    ("2019-07-26", "The Tarn ferry was repaired and returned to service in April."),
    (
        "2019-07-26",
        "Hundreds of tonnes of lead from the roof melted or burned during the fire in April.",
    ),
]


@pytest.mark.parametrize(("published", "sentence"), PAST_EXPECTATIONS)
def test_an_expectation_of_a_past_time_is_none(
    english: tuple[Any, Any], published: str, sentence: str
) -> None:
    assert analyze(english[0](sentence), date.fromisoformat(published)).expectations == []


@pytest.mark.parametrize(("published", "sentence", "start", "end"), FOUND)
def test_the_expectation_is_found_with_its_window(
    english: tuple[Any, Any], published: str, sentence: str, start: str, end: str
) -> None:
    [found] = analyze(english[0](sentence), date.fromisoformat(published)).expectations
    assert (found.due_start, found.due_end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert found.proposes


@pytest.mark.parametrize("sentence", NONE)
def test_conditions_and_wishes_are_no_expectations(english: tuple[Any, Any], sentence: str) -> None:
    assert analyze(english[0](sentence), date(2021, 3, 1)).expectations == []


@pytest.mark.parametrize(("published", "sentence", "asked"), QUESTIONS)
def test_the_question_names_the_event(
    english: tuple[Any, Any], published: str, sentence: str, asked: str
) -> None:
    found = analyze(english[0](sentence), date.fromisoformat(published)).expectations
    assert [e.question for e in found if e.proposes] == [asked]


@pytest.mark.parametrize(("published", "sentence"), NOTHING_TO_FOLLOW)
def test_no_follow_up_is_proposed(english: tuple[Any, Any], published: str, sentence: str) -> None:
    found = analyze(english[0](sentence), date.fromisoformat(published)).expectations
    assert [e.question for e in found if e.proposes] == []


def test_a_rule_signed_on_sunday_was_signed(english: tuple[Any, Any]) -> None:
    """ "a rule that the mayor signed on Sunday": the parser tags "signed" VBN; it is past."""
    sentence = "The park will open in May under a rule that the mayor signed on Sunday."
    found = analyze(english[0](sentence), date(2021, 3, 8)).expectations
    assert [e.question for e in found if e.proposes] == ["Will the park open in May 2021?"]


def test_a_bare_date_after_a_later_one_is_in_its_year(english: tuple[Any, Any]) -> None:
    """ "opens on 24 July next year and closes on 9 August": the days named after a date of
    next year, which they would otherwise fall before, are in next year too."""
    sentence = (
        "The show opens on 24 July next year and closes on 9 August, and the trade fair "
        "follows from 25 August."
    )
    found = analyze(english[0](sentence), date(2019, 7, 24)).expectations
    assert [e.due_end for e in found if e.proposes] == [
        date(2020, 7, 24),
        date(2020, 8, 9),
        date(2020, 8, 25),
    ]


def test_a_headline_and_the_body_that_says_it_again_are_one(english: tuple[Any, Any]) -> None:
    """The headline says in short, with other words for the actors, what the body says:
    one expectation, with the body's narrower window."""
    text = (
        "Agency sets June window for second Mars mission\n\nThe agency said on Monday that "
        "the orbiter is planned to be launched during a window from June 9 to June 16."
    )
    found = analyze(english[0](text), date(2021, 3, 1)).expectations
    assert [(e.due_start, e.due_end) for e in found if e.proposes] == [
        (date(2021, 6, 9), date(2021, 6, 16))
    ]


def test_putting_something_to_a_vote_is_a_vote(english: tuple[Any, Any]) -> None:
    sentence = "The board is expected to put the merger to a vote on 9 May."
    [found] = analyze(english[0](sentence), date(2024, 1, 17)).expectations
    assert "vote" in found.groups
    assert (found.due_start, found.due_end) == (date(2024, 5, 9), date(2024, 5, 9))


def test_a_headline_of_no_known_event_kind_keeps_its_own(english: tuple[Any, Any]) -> None:
    """Things of no known kind of event are not one because one of them is in the
    headline: the festival and the craft fair both move to next year."""
    text = (
        "Summer festival postponed until 2022\n\nThe summer festival will not take place this "
        "year. The craft fair will also be moved to next year."
    )
    found = analyze(english[0](text), date(2021, 3, 1)).expectations
    assert [e.question for e in found if e.proposes] == [
        "Will the festival go ahead in 2022?",
        "Will the craft fair go ahead in 2022?",
    ]


def test_a_day_celebrated_is_no_day_set(english: tuple[Any, Any]) -> None:
    """ "Celebrates 9 May as the day Berlin was captured" sets no day for a capture."""
    sentence = "Russia celebrates 9 May as the day Berlin was captured."
    found = analyze(english[0](sentence), date(2021, 3, 1)).expectations
    assert [e.question for e in found if "captured" in e.question] == []


def test_what_follows_an_event_is_an_event_at_its_own_time(english: tuple[Any, Any]) -> None:
    sentence = (
        "The first stoppage will run for 24 hours on December 1, followed by full walkouts on "
        "December 8."
    )
    found = analyze(english[0](sentence), date(2015, 11, 20)).expectations
    assert [e.question for e in found] == [
        "Will the first stoppage take place on 1 December 2015?",
        "Will the full walkouts take place on 8 December 2015?",
    ]


def test_a_misplaced_relative_clause_describes_the_place_before_it(
    english: tuple[Any, Any],
) -> None:
    """ "move its pupils to the new building next month, which will open in April": the
    last noun before the clause, past a time, is what opens (not the pupils, the object)."""
    sentence = (
        "The school will move its pupils to the new building next month, which will open in April."
    )
    found = analyze(english[0](sentence), date(2022, 3, 10)).expectations
    assert "Will the new building open in April 2022?" in [e.question for e in found]
    assert not any(e.question.startswith("Will the pupils") for e in found)


def test_a_day_is_no_thing_that_runs(english: tuple[Any, Any]) -> None:
    """ "no earlier than 12 September, when a launch window opens that runs into October":
    the relative clause hangs on the day, which is no thing to follow up."""
    sentence = (
        "Managers said the first flight would take place no earlier than 12 September 2004, "
        "when a launch window opens that runs into October."
    )
    found = analyze(english[0](sentence), date(2003, 11, 1)).expectations
    questions = [e.question for e in found if e.proposes]
    assert "Will the first flight take place on 12 September 2004 or later?" in questions
    assert not [q for q in questions if q.startswith("Will 12 September")]
