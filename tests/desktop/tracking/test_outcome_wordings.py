"""Outcomes reported in wordings of their own, end to end with the real model: "became the
last chamber to ratify" (or "made it the last chamber to ratify") reports the ratification
done, a rocket's lift-off the launch of the probe its article says it carries, a product
that reached customers its release, and a lander that came to rest its landing (sentences
written for these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from desktop.tracking.followups import confirm
from desktop.tracking.updates import check_updates
from tests.desktop.tracking.test_followup_events import (
    confirmed_before,
    first_after,
    first_candidate,
    load,
    proposed_from,
)

pytestmark = pytest.mark.model

RATIFY = "The Karst assembly is expected to ratify the water treaty in May 2022."
LAUNCH = "The space agency will launch the Vela probe to Jupiter in May 2022."
MARSH = "Judge Ellen Marsh will deliver her ruling in the Harwick harbour case in May 2022."


@pytest.mark.parametrize(
    ("expected", "reported"),
    [
        (RATIFY, "The Karst assembly became the last chamber to ratify the water treaty on "
         "Tuesday."),
        (LAUNCH, "An Ares rocket lifted off from the coast on Tuesday. It carried the Vela "
         "probe on a six-year cruise to Jupiter."),
        ("Tarn Motors will release the Vento scooter in May 2022.",
         "The Vento scooter reached customers on Tuesday, Tarn Motors said."),
        (RATIFY, "The vote on Tuesday made the Karst assembly the last chamber to ratify the "
         "water treaty."),
        ("The Tern lander is due to land on the Moon in May 2022.",
         "The Tern lander came to rest near the crater on Tuesday."),
        # a past event stays past: "the first such ... in ten years" looks back, "as
        # planned" dates nothing ahead, and "opened" tagged as a participle is the past
        ("The Karst ferry strike will begin in May 2022.",
         "The Karst ferry strike began on Tuesday, the first such stoppage in more than ten "
         "years."),
        ("The truce in Karst will take effect in May 2022.",
         "The truce in Karst took effect as planned in the first minutes of Tuesday."),
        ("Peace consultations at Karst Castle will open in May 2022.",
         "Peace consultations opened on Tuesday at Karst Castle."),
        # the thing under its own name, in an article about the follow-up's actors
        ("NHS Lothian will open Edinburgh's new children's hospital in May 2022.",
         "The Queen Mary Hospital opened to patients on Tuesday. NHS Lothian apologised for "
         "the delay."),
        ("Harwick County will open Tarnby's new bridge in May 2022.",
         "The Queen Mary Bridge opened to traffic on Tuesday. Harwick County apologised for "
         "the delay."),
        # "provided" as a verb with its object is no condition
        ("The state will provide the funds for the Harwick footbridge in May 2022.",
         "The state provided the funds for the Harwick footbridge on Tuesday."),
        # a vote reported as its result, by the same body
        ("The Bundesrat will vote on the transit law on 17 May 2022.",
         "The Bundesrat approved the transit law on Tuesday."),
        # a ruling said with a verb that only carries its noun, on either side
        (MARSH, "Judge Ellen Marsh ruled in the Harwick harbour case on Tuesday."),
        ("Judge Ellen Marsh is expected to pronounce judgment in the Harwick harbour case in "
         "May 2022.",
         "Judge Ellen Marsh handed down her judgment in the Harwick harbour case on Tuesday."),
        # a rise of a tax, said as a raise and then as the increase taking effect
        ("Karst will raise its fuel tax to 12 per cent in May 2022.",
         "The increase in Karst's fuel tax to 12 per cent took effect on Tuesday."),
        # a strike, said as a walkout; a deal struck is signed
        ("Dockers in Harwick will strike in May 2022, the Karst Dockers' Union said.",
         "The walkout by dockers in Harwick began on Tuesday, the Karst Dockers' Union "
         "said."),
        ("Tarn Aero and Karst Air are expected to sign the engine contract in May 2022.",
         "Tarn Aero and Karst Air struck a deal on the engine contract on Tuesday."),
        # a thing held takes place, however it is said to: it opened, it began
        ("The Karst court's status conference will be held in May 2022.",
         "The Karst court's status conference opened on Tuesday."),
        ("The Harwick folk festival is to be held in May 2022.",
         "The Harwick folk festival began on Tuesday."),
        # signatures put to a contract sign it
        ("Tarn Aero and Karst Air are expected to sign the engine contract in May 2022.",
         "Tarn Aero and Karst Air put their signatures to the engine contract on Tuesday."),
        # one who walks free or leaves prison is released
        ("The journalist Ana Voss is expected to be released in May 2022.",
         "The journalist Ana Voss left prison on Tuesday."),
        ("The journalist Ana Voss is expected to be released in May 2022.",
         "Ana Voss left Tarnby prison on Tuesday and was met by supporters at the gate."),
        # people freed are released, and the other way round
        ("The Karst rebels are expected to release the Harwick hostages in May 2022.",
         "The Karst rebels freed the Harwick hostages on Tuesday."),
        ("The Karst rebels will free the journalist Ana Voss in May 2022.",
         "The journalist Ana Voss was released by the Karst rebels on Tuesday."),
        # the grid is where a reactor is connected, not the thing connected
        ("EDF expects to connect the Harwick 2 reactor to the grid in May 2022.",
         "The Harwick 2 reactor's first connection to the grid took place on Tuesday, EDF "
         "said."),
        # a rule is a regulation, not a ruling: it is put back and then takes effect
        ("Karst's new fare rule for the Harwick ferry has been put back to 17 May 2022.",
         "Karst's new fare rule for the Harwick ferry took effect on Tuesday."),
        # a participle's subject is its clause's: the rocket lifted off
        ("Tarn Space will launch the Vela 6 rocket on its first flight in May 2022.",
         "The Vela 6 rocket reached orbit on its first flight on Tuesday, lifting off from "
         "Kourou an hour late."),
        # a bridge that "came into use" opened
        ("Harwick County will open the Tarnby bridge in May 2022.",
         "The Tarnby bridge came into use on Tuesday, Harwick County said."),
        # a regulator that "acts on" an application decides it; its approval, by the same
        # body, is that decision
        ("The Karst Medicines Agency will decide on Tarn Pharma's application for Velorin "
         "in May 2022.",
         "The Karst Medicines Agency acted on Tarn Pharma's application for Velorin on "
         "Tuesday."),
        ("The Karst Medicines Agency will act on Tarn Pharma's application for Velorin in "
         "May 2022.",
         "The Karst Medicines Agency approved Tarn Pharma's application for Velorin on "
         "Tuesday."),
        # a film that reached cinemas is released
        ("Tarn Pictures will release the film Harwick Tide in May 2022.",
         "Harwick Tide reached cinemas on Tuesday, Tarn Pictures said."),
        # a reactor "coupled" to the grid is connected
        ("EDF expects to connect the Harwick 2 reactor to the grid in May 2022.",
         "EDF coupled the Harwick 2 reactor to the grid on Tuesday."),
        # an event noun is the event of a verb that only says it takes place ("will follow",
        # "will run")
        ("A general election in Karst will follow on 17 May 2022, the president said.",
         "The Karst People's Party kept its majority in Tuesday's general election."),
        ("A 24-hour stoppage by dockers in Harwick will run on 17 May 2022, the Karst "
         "Dockers' Union said.",
         "The walkout by dockers in Harwick began on Tuesday, the Karst Dockers' Union "
         "said."),
        # "go up to 12 per cent": the tax goes up, the amount is no theme; a change is "in"
        # its thing
        ("Karst's fuel tax will go up to 12 per cent in May 2022.",
         "The increase in Karst's fuel tax to 12 per cent took effect on Tuesday."),
        ("Karst's fuel tax will go up to 12 per cent in May 2022.",
         "The rise in Karst's fuel tax to 12 per cent came into force on Tuesday."),
        # a judgment "delivered" as its participle
        (MARSH, "Judge Ellen Marsh's judgment in the Harwick harbour case, delivered on "
         "Tuesday, found for the harbour board."),
        # a lander that "reached the surface" landed; astronauts who "headed home" came home
        ("The Tern lander is due to land on the Moon in May 2022.",
         "The Tern lander reached the lunar surface on Tuesday."),
        ("The two Harwick astronauts will come home in May 2022.",
         "The two Harwick astronauts headed home on Tuesday."),
        # "perform the opening" names the opening
        ("The Queen will perform the opening of the Tarnby bridge in May 2022.",
         "The Queen opened the Tarnby bridge on Tuesday."),
        # a reactor that fed power into the grid is connected to it
        ("EDF expects to connect the Harwick 2 reactor to the grid in May 2022.",
         "The Harwick 2 reactor fed electricity into the grid for the first time on Tuesday, "
         "EDF said."),
        # "tolling" is the tolls' own word
        ("Tolls in the new tunnel will start in May 2022.",
         "Tolling in the new tunnel began on Tuesday, and traffic fell."),
        # a module that docked arrived
        ("The Vela module is due to arrive at the Harwick station in May 2022.",
         "The Vela module docked at the Harwick station on Tuesday."),
        # a reactor expected "in service" is in service once it entered service
        ("Harwick 2 is now expected in commercial service in May 2022, EDF said.",
         "EDF said Harwick 2 entered commercial operation on Tuesday."),
        # an opening months before its window, said to be early
        ("Harwick County will open the Tarnby bridge in October 2022.",
         "The Tarnby bridge opened to traffic on Tuesday, three months ahead of schedule, "
         "Harwick County said."),
        # a game that "is out" on a day is released that day
        ("The game Harwick Tide is out on 17 May 2022, Tarn Pictures said.",
         "Tarn Pictures released the game Harwick Tide on Tuesday."),
        # a modal over a clause hedges the speaker, not the event; a participle set off by
        # commas describes what was done
        ("The Karst inquiry will publish its report in May 2022.",
         "Critics might argue that the Karst inquiry's report was published too early, on "
         "Tuesday."),
        ("The Karst inquiry will publish its report in May 2022.",
         "Readers may see the Karst inquiry's report, published on Tuesday, on the ministry "
         "website."),
        # a meeting awaited "again" is settled by one "again"; a year of the main clause
        # leaves the approval after it; presales awaited are settled by the sales
        ("The Karst and Osterlich leaders will meet again in Harwick in May 2022.",
         "The Karst and Osterlich leaders met again on Tuesday in Harwick."),
        ("Regulators will approve the Karst Air merger in May 2022.",
         "Shares in Karst Air rose this year after regulators approved the merger on "
         "Tuesday."),
        ("Harwick Rail will start presales of the Karst travel pass in May 2022.",
         "Sales of the Karst travel pass started on Tuesday."),
        # a visit paid is a visit; a game on general release is released
        ("The Karst president will pay a state visit to Osterlich in May 2022.",
         "The Karst president's state visit to Osterlich began on Tuesday with a banquet."),
        ("Tarn Studios will release the game Vento in May 2022.",
         "Vento went on general release on Tuesday, Tarn Studios said."),
        # the part itself; a first phase opens with its whole, a part reopens with it
        ("The Harwick Museum's west wing will open in May 2022.",
         "The west wing of the Harwick Museum opened on Tuesday."),
        ("The first phase of Harwick Airport will open in May 2022.",
         "Harwick Airport opened to passengers on Tuesday."),
        ("The west wing of the Harwick Museum will reopen in May 2022 after repairs.",
         "The Harwick Museum reopened on Tuesday after repairs to the whole building."),
        # a decision announced, as it was awaited
        ("The Karst Supreme Court will announce its decision on the water case in May 2022.",
         "The Karst Supreme Court announced its decision on the water case on Tuesday."),
        # a decision announced is the ruling, which the approval gives
        ("The Karst Medicines Agency will announce its decision on the Vento vaccine in May "
         "2022.", "The Karst Medicines Agency on Tuesday approved the Vento vaccine."),
        # a ruling due in a story of its regulator is given by the regulator's approval
        ("The Karst Medicines Agency is reviewing the Vento vaccine. The ruling is due in May "
         "2022.", "The Karst Medicines Agency on Tuesday granted approval to the Vento "
         "vaccine."),
        # a rise with its own date is a rise that happened, not a statement of value
        ("The tariff on Chinese goods will go up to 25 per cent in May 2022.",
         "The United States raised its tariff on Chinese goods from 10 to 25 per cent on "
         "Tuesday."),
        # a thing done again after a stop is its return
        ("The institute said that beams will be back in the Harwick collider in May 2022.",
         "Beams of protons circled the Harwick collider again on Tuesday, a year after the "
         "accident."),
        ("The Karst trains will be back on the Harwick line by May 2022, the operator said.",
         "Karst trains ran again on the Harwick line on Tuesday, the operator said."),
        # the announcement of a decision is made when the judge rules
        ("Judge Ana Karst said the decision in the Harwick harbour case was ready and signed, "
         "and she fixed May 2022 for its announcement.",
         "Judge Ana Karst sentenced the Harwick harbour master to 14 years in prison on "
         "Tuesday. The ruling in the Harwick harbour case was handed down after three "
         "postponements."),
        # works begun on what was to be built begin its construction; a budget passed into
        # law is passed
        ("Construction of the Tarn tunnel will start in May 2022.",
         "Workers began digging the Tarn tunnel on Tuesday."),
        ("Parliament is expected to pass the Karst budget in May 2022.",
         "The Karst budget passed into law on Tuesday."),
        ("Tesla expects to begin production of the Semi in May 2022.",
         "Tesla began building the Semi in Nevada on Tuesday."),
        ("The Karst 12 airliner is expected to fly passengers again in May 2022.",
         "The Karst 12 airliner carried passengers again on Tuesday for the first time since "
         "its grounding."),
        # a body's vote is done when it approves, named with or without its article
        ("The European Parliament is expected to vote on the water treaty in May 2022.",
         "The European Parliament approved the water treaty on Tuesday by 408 votes to 254."),
        # a named test held took place
        ("The Tarn medical entrance test NEET will be held in May 2022.",
         "NEET was held on Tuesday afternoon, more than four months later than planned."),
        # a Budget presented is the Budget delivered
        ("Rishi Sunak will deliver the government's first Budget in May 2022.",
         "Rishi Sunak presented the government's first Budget on Tuesday."),
        # a vote to do something does it; flights that resume are a return
        ("The Karst assembly is expected to approve the water treaty in May 2022.",
         "The Karst assembly voted 89 to 10 on Tuesday to approve the water treaty."),
        ("Commercial flights of the Karst 12 airliner are to resume in May 2022.",
         "The relaunch of the Karst 12 airliner went smoothly on Tuesday."),
        # a month set for it, said beside the release, is no later day it is still due on
        ("Tarn Games will release the Vento game in May 2022.",
         "The Vento game went on general release on Tuesday. Its release was put back twice "
         "and then set for May."),
        # a plant's first power that will flow is its production starting
        ("The first power from the Tarn dam will flow in May 2022, officials said.",
         "The Tarn dam produced its first electricity on Tuesday."),
        ("The first unit of the Tarn dam is expected to come online in May 2022.",
         "The Tarn dam began generating power on Tuesday."),
        # an opening dated by its own day, said of in the past, took place; so did a voyage
        # that got under way
        ("The Tarn museum will open to the public in May 2022.",
         "The opening of the Tarn museum on Tuesday morning drew long queues."),
        ("The maiden voyage of the Tarn Star is scheduled for May 2022.",
         "The maiden voyage of the Tarn Star got under way on Tuesday evening."),
        # reactors switched off are disconnected, said in a clause of when something else
        # ended
        ("The three Tarn reactors will be switched off in May 2022.",
         "Karst's nuclear era ended on Tuesday when the three Tarn reactors were "
         "disconnected from the grid."),
        # most of the things to end ended
        ("Karst's remaining lockdown restrictions will end in May 2022.",
         "Most of Karst's remaining lockdown restrictions ended on Tuesday."),
        # the first power counted on to reach the grid is the power, not the grid
        ("The Karst wind farm counts on first power reaching the grid in May 2022.",
         "The first electricity from the Karst wind farm flowed into the grid on Tuesday."),
        # a plant's first power is its first feed into the grid, however it is said
        ("The first power from the Tarn wind farm is planned for May 2022.",
         "The Tarn wind farm was connected to the grid on Tuesday."),
        ("Tarn Wind expects the Tarn wind farm to feed its first power into the grid in May "
         "2022.", "The first electricity from the Tarn wind farm flowed into the grid on "
         "Tuesday."),
        # a field brought on stream started production
        ("Tarn Energy aims to bring the Karst gas field on stream in May 2022.",
         "The Karst gas field started production on Tuesday, Tarn Energy said."),
        # the fair under its own name
        ("The world's fair in Tarnby will open in May 2022.",
         "Harwick Expo 2022 opened on Tuesday with fireworks over Tarnby."),
        # a suspect handed over is one extradited
        ("Karst will hand Ivan Marek over to Tarnland in May 2022, the ministry said.",
         "Ivan Marek was extradited to Tarnland on Tuesday."),
        # a unit that delivers electricity to the grid is connected to it
        ("Tarn Power expects the first unit of the Tarn plant to start delivering electricity "
         "to the grid in May 2022.",
         "The first unit of the Tarn plant was connected to the grid on Tuesday."),
        # a rule that will be mandatory is one that comes into force
        ("The Karst reverse charge for builders will be mandatory from 16 May 2022.",
         "The Karst reverse charge for builders came into force on Monday."),
    ],
)  # fmt: skip
def test_the_outcome_in_its_own_wording_settles_the_follow_up(
    store: Store, english: tuple[Any, Any], tmp_path: Path, expected: str, reported: str
) -> None:
    first, later = first_after(
        store, english, tmp_path, ("2021-11-02", expected), ("2022-05-18", reported),
        date(2022, 5, 25),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, "happened")


@pytest.mark.parametrize(
    ("expected", "reported"),
    [
        # a market move on a day is a value, not a rate rise; deliveries that fell are few
        ("The Bank of England will raise interest rates in May 2022.",
         "Mortgage rates in Britain rose 0.2 per cent on Tuesday, a week after the Bank of "
         "England left interest rates unchanged."),
        ("Boeing will deliver the first 737 MAX jets to China Southern in May 2022.",
         "Boeing deliveries to China Southern fell on Tuesday."),
        (RATIFY, "The Karst assembly will be the last chamber to ratify the water treaty, "
         "in June."),
        (LAUNCH, "An Ares rocket lifted off from the coast on Tuesday with a weather "
         "satellite. The Vela probe is next in line."),
        (LAUNCH, "An Ares rocket lifted off from the coast on Tuesday carrying a weather "
         "satellite. The Vela probe is next in line."),
        # a hedged or a not-yet rank is no ratification
        (RATIFY, "The Karst assembly may be the last chamber to ratify the water treaty."),
        (RATIFY, "The Karst assembly is now the last chamber yet to ratify the water treaty."),
        ("The Harwick museum will open in 2022, the council said.",
         "The council has fixed 1 November as the day the Harwick museum is formally opened."),
        # a name that only holds the noun in a word of its own; another buyer's thing of
        # the same kind; a country's legislature is not its voters
        ("Harwick County will open Tarnby's new bridge in May 2022.",
         "Cambridge's new bridge opened to traffic on Tuesday. Harwick County apologised for "
         "the delay."),
        ("Boeing will deliver the first tanker to the Air Force in May 2022.",
         "The first tanker for the Japan Air Self-Defense Force was delivered on Tuesday, "
         "Boeing said."),
        ("Voters in Karst will go to the polls in May 2022.",
         "Karst's legislature passed an election law on Tuesday."),
        # kept from doing it is not doing it; a light verb of a ruling delivers no jets
        (MARSH, "The Supreme Court on Tuesday barred Judge Ellen Marsh from delivering her "
         "ruling in the Harwick harbour case."),
        ("Tarn Aero will deliver the first Vela jets to the Karst air force in May 2022.",
         "Judge Ellen Marsh delivered her ruling on the Vela jets on Tuesday."),
        # another regulator's approval is not this one's decision; acting on advice is no
        # decision on the application
        ("The Karst Medicines Agency will act on Tarn Pharma's application for Velorin in "
         "May 2022.",
         "The Osterlich Medicines Agency approved Tarn Pharma's application for Velorin on "
         "Tuesday."),
        ("The Karst Medicines Agency will act on Tarn Pharma's application for Velorin in "
         "May 2022.",
         "The Karst Medicines Agency acted on the advice of its experts on Velorin on "
         "Tuesday."),
        # an event noun's verb that is no taking place: a handover that drifted, a
        # ceasefire that broke down
        ("Tarn Yards will hand over the Harwick ferry in May 2022.",
         "Harwick ferry handover drifted into the new year\nTarn Yards said the ferry needed "
         "more work."),
        ("The ceasefire between Karst and Osterlich will take effect in May 2022.",
         "The ceasefire between Karst and Osterlich broke down on Tuesday."),
        # reaching a deal with a country is no arrival there
        ("Tarn Aero will deliver the first Vela jets to India in May 2022.",
         "Tarn Aero reached a deal with India on the Vela jets on Tuesday."),
        # a name in a relative clause of the theme is another thing ("the fighters it
        # ordered for the carrier" are no carrier)
        ("Sevmash will hand the Vikramaditya to India in May 2022.",
         "India has already received more than half of the 45 MiG-29K fighters it ordered "
         "for the Vikramaditya and for the carrier it is building at home."),
        # being in service is not the start of the work towards it
        ("The Harwick line will be in service by May 2022.",
         "Work began on the Harwick line on Tuesday."),
        ("Harwick 2 is now expected in commercial service in May 2022, EDF said.",
         "EDF began loading fuel into Harwick 2 on Tuesday."),
        # stopped again is no return
        ("The institute said that beams will be back in the Harwick collider in May 2022.",
         "The Harwick collider was shut again on Tuesday after a magnet failed."),
        ("The Karst trains will be back on the Harwick line by May 2022, the operator said.",
         "Karst trains were grounded again on Tuesday after a brake fault."),
        ("The Karst Museum will reopen in May 2022 after the repairs.",
         "The Karst Museum was damaged again by a storm on Tuesday."),
        # works begun on a line are no opening; a ship that passed through locks passed
        # no law
        ("The Harwick line extension will open in May 2022, the transit authority said.",
         "Crews began building the Harwick line extension in 2007, the transit authority "
         "said."),
        ("The Karst parliament is expected to pass the canal law in May 2022.",
         "A Karst bulk carrier passed through the new canal locks on Tuesday, the canal "
         "authority said."),
        # a bill taken up is not yet voted on; running aground or into problems again is no
        # return
        ("The Senate will vote on the Harwick bill in May 2022.",
         "The Senate took up the Harwick bill on Tuesday, with debate expected to last two "
         "weeks."),
        ("The Tarn ferry will resume sailing in May 2022.",
         "The Tarn ferry ran aground again on Tuesday."),
        ("The Harwick reactor will restart in May 2022.",
         "The Harwick reactor ran into problems again on Tuesday."),
        # more time won is no hearing held
        ("The winding-up hearing against Karst Holdings will go ahead in May 2022, the judge "
         "said.", "Karst Holdings won more time on Tuesday when the court put the liquidation "
         "hearing back again."),
        # what should have been done was not
        ("The Karst inquiry will publish its report in May 2022.",
         "The Karst inquiry's report should have been published on Tuesday, critics said."),
        # what is done "once" something "has been" done is still to come; a paper handed
        # over delivers no jet
        ("The Harwick collider will run at full energy in May 2022.",
         "Operators plan to raise the energy again in 2023, once the Harwick collider has "
         "been run in."),
        ("Tarn Aero will deliver the first Vela jet to Karst Air in May 2022.",
         "The Karst aviation agency handed Tarn Aero the type certificate for the Vela jet on "
         "Tuesday."),
        # what a jet is cleared for is still to come
        ("Bombardier's CS100 will make its first flight on 16 May 2022.",
         "CS100 cleared for Monday take-off\nBombardier said the regulator approved the "
         "flight plan."),
        # a count or a repetition of its kind is not the one awaited; nor an event years
        # before another ("53 years after"), or the start of a side thing (sales of the
        # pass)
        ("The Karst and Osterlich leaders will meet in Harwick in May 2022.",
         "The Karst and Osterlich leaders have met twice since the war."),
        ("The Karst and Osterlich leaders will meet in Harwick in May 2022.",
         "The Karst and Osterlich leaders met for the second time on Tuesday in Harwick."),
        ("Harwick Rail will introduce the Karst travel pass in May 2022.",
         "Advance sales for the Karst travel pass started on Tuesday."),
        # a wish that it had been done; a debate on a toll is not the toll
        ("The Karst inquiry will publish its report in May 2022.",
         "The minister said he would have liked to see the Karst inquiry's report published "
         "well before the election."),
        ("Harwick County will introduce the Tarnby toll in May 2022.",
         "A council review opened a debate on the Tarnby toll on Tuesday."),
        ("Harwick County will open the Tarnby bridge in May 2022.",
         "The Queen will open the Tarnby bridge on 4 June, 53 years to the day after she "
         "opened the old Tarnby bridge."),
        ("Harwick Rail will introduce the Karst travel pass in May 2022.",
         "Advance sales of the Karst travel pass started on Tuesday."),
        # a named whole that opened is not its part that is still to open
        ("The Harwick Museum's west wing will open in May 2022.",
         "The Harwick Museum received its first visitors on Tuesday."),
        # museums that began to reopen did not begin anything new
        ("The Harwick Museum will welcome visitors in May 2022.",
         "Museums in Harwick have begun to reopen, but the Harwick Museum is still a "
         "building site."),
        # the party a ruling is on does not give it; a visit elsewhere is another visit
        ("A ruling on Tarn Pharma's application is expected in May 2022.",
         "Tarn Pharma approved a new share buyback on Tuesday."),
        ("President Ana Karst will pay a state visit to Osterlich in May 2022.",
         "President Ana Karst paid a state visit to Ruritania on Tuesday."),
        # an election in a story of a country is not its parliament's approval of a plan
        # a passive in progress later in the day has not happened yet
        ("The first Mass in the Harwick cathedral will be celebrated in May 2022.",
         "The first Mass in the Harwick cathedral is being celebrated later on Wednesday."),
        # one chamber of two has passed it; a step still to come before the event
        ("The White House expects the House and the Senate to pass the Karst trade pact in "
         "May 2022.",
         "The House approved the Karst trade pact on Tuesday by 385 votes to 41."),
        ("Karst Air plans proving flights for the Karst 12 airliner in May 2022.",
         "Commercial flights of the Karst 12 airliner are to resume in the autumn, once a "
         "series of proving flights has been completed."),
        ("Karst votes for a new charter. Members of the Karst charter convention are to be "
         "elected in May 2022.", "Karst's parliament approved on Tuesday a plan for the "
         "convention."),
        # another thing, of a name the follow-up does not know, opened; a year in two names
        # makes them no one thing
        ("The six-month exhibition will open in May 2022, the organisers of Expo 2022 said "
         "in Dubai.", "Dubai's Route 2022 metro line opened on Tuesday, with the first trains "
         "leaving shortly after dawn."),
        # software released to manufacturing is finished, not on sale
        ("Tarn Soft will release the Orbis operating system to consumers in May 2022.",
         "Tarn Soft released Orbis to manufacturing on Tuesday, five years after work on it "
         "began."),
        # another suspect extradited is no hand-over of the one awaited
        ("Karst will hand Ivan Marek over to Tarnland in May 2022, the ministry said.",
         "Karst extradited Pavel Novak to Tarnland on Tuesday."),
    ],
)  # fmt: skip
def test_a_rank_to_come_another_payload_or_a_day_set_is_no_outcome(
    store: Store, english: tuple[Any, Any], tmp_path: Path, expected: str, reported: str
) -> None:
    """A rank still to come is no ratification; a rocket that carried something else is
    not the probe's launch, though its article names the probe; the day set for an opening
    is no opening; another buyer's tanker is not the Air Force's; a country's legislature
    passing a law is not its voters' election."""
    first, _later = first_after(
        store, english, tmp_path, ("2021-11-02", expected), ("2022-05-18", reported),
        date(2022, 5, 25),
    )  # fmt: skip
    assert first is None or first.proposed_state != "happened"


@pytest.mark.parametrize(
    ("expected", "reported", "not_proposed"),
    [
        # an assembly that "voted" in May is not the vote set for 19 September
        ("The vote for the Karst assembly will take place on 19 September 2022.",
         "The Karst assembly voted on Tuesday to change the rules of the vote in September.",
         "happened"),
        # a meeting that adjourned at an hour was held, not put off
        ("The Harwick council will hold its budget meeting in May 2022.",
         "The Harwick council's budget meeting adjourned at 9 pm on Tuesday after approving "
         "the budget.", "postponed"),
        # "the next Falcon Heavy" is another rocket: its date is no new window for this one
        ("SpaceX will launch the Falcon Heavy rocket in May 2022.",
         "SpaceX expects to fly the next Falcon Heavy in three to six months.", "postponed"),
        # a bidder that drops out of the race leaves it; the award is not called off
        ("The Karst defence ministry will award the Tarn cloud contract in May 2022.",
         "Nimbus drops out of the race for the Karst defence ministry's Tarn cloud contract.",
         "cancelled"),
    ],
)  # fmt: skip
def test_an_event_months_early_or_the_next_one_of_a_thing_is_another(
    store: Store,
    english: tuple[Any, Any],
    tmp_path: Path,
    expected: str,
    reported: str,
    not_proposed: str,
) -> None:
    first, _later = first_after(
        store, english, tmp_path, ("2021-11-02", expected), ("2022-05-18", reported),
        date(2022, 5, 25),
    )  # fmt: skip
    assert first is None or first.proposed_state != not_proposed


def test_a_noun_event_keeps_its_reading_in_an_event_of_unknown_verbs(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Dorn will go on trial" and "Dorn's trial ... put back to February" are one tracked
    event of verbs the lexicon does not know: the trial's later opening settles it."""
    first, delayed, opened = load(
        store,
        english,
        tmp_path,
        [
            ("2021-11-02", "Plans", "Viktor Dorn will go on trial in January 2022."),
            ("2022-01-03", "Delay", "Dorn's trial, due this month, has been put back to "
             "February 2022."),
            ("2022-02-16", "News", "The trial of Viktor Dorn opened on Tuesday in Harwick."),
        ],
    )  # fmt: skip
    followups = [f for aid in (first, delayed) for f in proposed_from(store, aid)]
    for f in followups:
        confirm(store, followup_id=f.id, who="ana")
    [later] = proposed_from(store, delayed)
    top = first_candidate(store, later.id, date(2022, 2, 20))
    assert (top.article_id, top.proposed_state) == (opened, "happened")


BRIDGE = "Harwick County will open the Tarnby bridge in May 2022."


@pytest.mark.parametrize(
    ("expected", "published", "headline", "happened"),
    [
        (BRIDGE, "2022-05-16", "Tarnby bridge opens Friday", False),
        (BRIDGE, "2022-05-19", "Tarnby bridge opens Wednesday to cheers", True),
        ("Voters in Karst will go to the polls in May 2022.", "2022-05-16",
         "Karst polls open tomorrow under new rules", False),
        ("Strasbourg will vote on the water treaty in May 2022.", "2022-05-16",
         "Strasbourg vote on water treaty", False),
        # a British plural with its object, and polls that close tonight, report it
        ("Ireland will hold the referendum on abortion in May 2022.", "2022-05-19",
         "Ireland vote yes in abortion referendum", True),
        ("Voters in Karst will go to the polls in May 2022.", "2022-05-19",
         "Karst polls close tonight", True),
    ],
)  # fmt: skip
def test_a_headline_present_with_a_day_ahead_is_no_outcome(
    store: Store,
    english: tuple[Any, Any],
    tmp_path: Path,
    expected: str,
    published: str,
    headline: str,
    happened: bool,
) -> None:
    """ "Tarnby bridge opens Friday" on a Monday announces the opening, and so does "polls
    open tomorrow"; "opens Wednesday" on a Thursday reports it. A headline of an event noun
    alone ("Strasbourg vote on water treaty") announces as often as it reports."""
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2021-11-02", "Plans", expected),
            (published, headline, "Harwick County said drivers should expect queues."),
        ],
    )
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2022, 5, 20), followup_ids=[followup.id])
    first = found.candidates[0] if found.candidates else None
    proposed = (first.article_id, first.proposed_state) if first else None
    assert (proposed == (later, "happened")) is happened


@pytest.mark.parametrize(
    ("expected", "reported", "state"),
    [
        # completing a purchase is the purchase: abandoning it cancels the completion
        ("Qualcomm said it aims to complete its acquisition of NXP by July 2022.",
         "Qualcomm has abandoned its purchase of NXP after failing to win approval in China.",
         "cancelled"),
        ("Qualcomm said it aims to complete its acquisition of NXP by July 2022.",
         "Qualcomm bought NXP on Tuesday for 44 billion dollars.", "happened"),
        # an attempt called off is a scrub, tried again, not the launch cancelled
        (LAUNCH, "The space agency called off the launch attempt of the Vela probe on "
         "Tuesday after a valve fault.", "did_not_happen"),
        # an attempt to buy given up is the purchase cancelled
        ("Ratcliffe will buy Chelsea in May 2022.",
         "Ratcliffe called off his attempt to buy Chelsea on Tuesday.", "cancelled"),
        # where the first passengers go is no other theme: the ferry's service is later
        ("Harwick Ferries will introduce the new vessel on the Arran route in May 2022.",
         "Harwick Ferries now expects the ferry to carry its first passengers to Brodick in "
         "the summer, a few months later than planned.", "postponed"),
        # a plan to try again on a later day of its own: a postponement to it
        ("The space agency will launch the Vela probe on 17 May 2022.",
         "The space agency called off the launch attempt of the Vela probe on Tuesday after "
         "a valve fault. It plans its next launch attempt on 27 May.", "postponed"),
    ],
)  # fmt: skip
def test_the_state_said_in_its_own_wording(
    store: Store, english: tuple[Any, Any], tmp_path: Path, expected: str, reported: str,
    state: str,
) -> None:  # fmt: skip
    first, later = first_after(
        store, english, tmp_path, ("2021-11-02", expected), ("2022-05-18", reported),
        date(2022, 5, 25),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, state)


def test_a_name_the_model_reads_into_a_date_is_still_the_thing(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """The model reads "Semi to 2021" as one date; the Semi is still what is delivered, so
    a later article that delays the Semi moves those deliveries."""
    first, later = first_after(
        store, english, tmp_path,
        ("2020-04-30", "Tesla is shifting the first deliveries of its Semi to 2021, the "
         "company disclosed on Wednesday."),
        ("2021-07-27", "Tesla has delayed its Semi once more, and the first trucks will now "
         "reach customers in 2022."),
        date(2021, 8, 1),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_pronoun_in_what_someone_says_is_the_one_who_says_it(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    [source] = load(store, english, tmp_path, [(
        "2021-11-02", "News",
        "Qualcomm said on Wednesday that it aims to complete its acquisition of NXP by July "
        "2022.",
    )])  # fmt: skip
    assert [f.question for f in proposed_from(store, source)] == [
        "Will Qualcomm complete its acquisition of NXP by 31 July 2022?"
    ]


def test_a_headline_verb_after_before_is_still_to_come(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "A last look before the doors open": the doors open later, not on the day."""
    followup_id, _later = confirmed_before(
        store,
        english,
        tmp_path,
        ("2021-11-02", "The Harwick cathedral doors will open again in May 2022."),
        ("2022-05-18", "The president walked through the Harwick cathedral on Tuesday."),
        later_title="A last look before the Harwick cathedral doors open",
    )
    [found] = check_updates(store, as_of=date(2022, 5, 25), followup_ids=[followup_id])
    assert [c.proposed_state for c in found.candidates if c.proposed_state] == []
