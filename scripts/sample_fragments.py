"""Word material for the sample journal that BRM Desk's first run offers.

The sample must read like a real BRM's journal, so the charts, the prep brief and search have
something worth looking at. Hand-written fragments live here, apart from the generator in
``make_sample_journal.py``, which only combines them (with a fixed seed) and checks the result.

The world: Nordhafen Group, a fictional Hamburg-based distributor; Group IT is the provider;
"I" am the BRM for six business partners (and one unit that was merged away in 2025).
Every person, phone number and company here is invented; e-mails use example.com.

Placeholders in templates, filled by the generator: {person} (an attendee's first name),
{sponsor} (the sponsor's first name), {system}, {system2}, {metric}, {team}, {topic},
{num:A-B} (a whole number), {pct:A-B} (a percentage), {eur:A-B} (thousands of euros),
{weekday}, {month} (one to three months ahead), {past} (one to six months back).

A fragment (or topic) that only makes sense at some point of the story starts with a window of
months, "[2026-07:] …", "[:2025-10] …" or "[2025-03:2025-12] …"; outside it, it is not used.
No shared fragment may contain the word "confidential": only private notes say it, and tests
use that word to check that private items stay out of exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ContactSpec:
    """One person on the partner side."""

    name: str
    role: str
    influence: str
    stance: str
    notes: str
    phone: str
    us_based: bool = False


@dataclass(frozen=True)
class PartnerSpec:
    """One business partner: its record, its people and the vocabulary of its notes."""

    key: str
    name: str
    business_unit: str
    sponsor: str
    maturity_history: tuple[tuple[str, str], ...]
    target: float
    cadence: int
    notes: str
    contacts: tuple[ContactSpec, ...]
    systems: tuple[str, ...]
    metrics: tuple[str, ...]
    topics: tuple[str, ...]  # forward-looking subjects (strategic meetings)
    issues: tuple[str, ...]  # what goes wrong or needs tending (reactive and routine)
    teams: tuple[str, ...]
    rooms: tuple[str, ...]
    points: tuple[str, ...]
    reframes: tuple[tuple[str, str], ...]
    candid: tuple[str, ...]
    beats: dict[str, str] = field(default_factory=dict)
    archived: bool = False


FINANCE = PartnerSpec(
    key="finance",
    name="Finance",
    business_unit="Group Finance & Controlling",
    sponsor="Katrin Vogt, Chief Financial Officer",
    maturity_history=(
        ("order_taker", "2024-12-01"),
        ("service_provider", "2025-07-14"),
        ("trusted_advisor", "2026-04-20"),
    ),
    target=0.6,
    cadence=30,
    notes="""# Finance

## Context
- Group Finance & Controlling, ~140 people in Hamburg plus shared-service accountants in Gdańsk.
- Live on SAP S/4HANA since the rushed go-live in spring 2024; the scars are still visible.
- When I started, every conversation was about the month-end close breaking.

## Goals (FY26)
- Close in **5 working days** instead of 9.
- Replace the Excel forecasting jungle with driver-based planning.
- Cut manual AP exceptions by half (invoice matching).

## Politics
- Katrin (CFO) is a numbers person: bring a baseline and a euro figure or don't come.
- Tobias runs the close and was burned by the S/4 go-live; he trusts people, not projects.
- Aylin (FP&A) is my ally for anything forward-looking; use her to get on Katrin's agenda.
""",
    contacts=(
        ContactSpec(
            "Katrin Vogt",
            "Chief Financial Officer",
            "high",
            "supporter",
            "Executive sponsor. Wants euro figures, hates slideware. Quarterly review with her.",
            "+49 40 5501 2100",
        ),
        ContactSpec(
            "Tobias Brandt",
            "Head of Accounting & Close",
            "high",
            "skeptic",
            "Owns the close calendar. Burned by the S/4 go-live; came round slowly in 2025.",
            "+49 40 5501 2114",
        ),
        ContactSpec(
            "Aylin Demir",
            "Head of FP&A",
            "medium",
            "champion",
            "Drives the planning rebuild. Best door-opener to the CFO.",
            "+49 40 5501 2131",
        ),
        ContactSpec(
            "Lars Petersen",
            "Accounts Payable Team Lead",
            "low",
            "neutral",
            "Practical, lives in the invoice-matching queue. Good source of real numbers.",
            "+49 40 5501 2158",
        ),
        ContactSpec(
            "Miriam Okafor",
            "Finance Systems Analyst",
            "low",
            "supporter",
            "Key user for S/4 and BlackLine; knows where every workaround lives.",
            "+49 40 5501 2162",
        ),
    ),
    systems=(
        "SAP S/4HANA",
        "BlackLine",
        "Anaplan",
        "Coupa",
        "SAP Concur",
        "the Power BI finance cube",
        "the bank interface (EBICS)",
    ),
    metrics=(
        "days to close",
        "manual journal entries",
        "invoice match rate",
        "forecast accuracy",
        "late payment fees",
        "open intercompany differences",
    ),
    topics=(
        "close automation",
        "intercompany reconciliation",
        "[2026-03:] the FY27 budget cycle",
        "driver-based forecasting",
        "invoice matching",
        "audit evidence",
        "[2026-05:] the finance operating model 2028",
    ),
    issues=(
        "the month-end close",
        "the close batch chain",
        "blocked invoices",
        "the bank interface",
        "the audit PBC list",
        "report performance on close day 2",
    ),
    teams=("ERP Platform team", "Data & Analytics", "Integration team", "Service Desk"),
    rooms=(
        "Finance floor, room 4.12",
        "CFO office",
        "Teams",
        "Teams",
        "Board room, HQ 6th floor",
        "Gdańsk shared-service centre (site visit)",
    ),
    points=(
        "[:2025-10] Close day {num:3-7} slipped: an S/4HANA batch job ran into a lock again.",
        "[:2025-06] {person} counted {num:180-420} manual journal entries last month; most are "
        "reclassifications that a rule could post.",
        "Invoice match rate is at {pct:61-88} — {person} thinks the missing piece is the "
        "goods-receipt timing from the warehouses, not the matching rule.",
        "Intercompany differences of {eur:40-300} are still cleared by e-mail between "
        "Hamburg and Gdańsk.",
        "The auditors want the PBC list {num:3-10} days earlier this year; {person} asked "
        "whether {system} can produce the reconciliations directly.",
        "Forecast accuracy at business-unit level swings by {pct:8-25} — nobody trusts the "
        "bottom-up numbers, so FP&A overwrites them.",
        "{person} walked me through the close calendar: {num:41-63} tasks, {num:9-17} of them "
        "waiting on IT.",
        "Late payment fees of {eur:12-60} last quarter, mostly from blocked invoices in Coupa.",
        "[2025-07:] Accrual rules posted {num:140-260} entries automatically this close; {person} "
        "checked a sample of {num:20-40}.",
        "The Gdańsk team spends {num:20-60} hours a month on intercompany confirmations.",
        "Expense approvals in Concur wait {num:4-12} days on average; managers approve in batches.",
        "{person} wants one version of the truth for {metric}; three reports show three numbers.",
        "The audit found {num:2-6} users with too broad rights in {system}.",
        "[2026-08:] FP&A rebuilt the forecast in {num:3-6} days instead of three weeks.",
    ),
    reframes=(
        (
            "“We need another Excel macro to spread the accruals.”",
            "Accruals posted automatically from S/4HANA rules, so the close does not depend "
            "on one person's spreadsheet.",
        ),
        (
            "“Give us a faster server for the finance reports.”",
            "Reliable numbers by 9:00 on working day 2 — the bottleneck is a nightly load that "
            "starts too late, not the hardware.",
        ),
        (
            "“Can IT build us a dashboard of all open invoices?”",
            "Fewer blocked invoices in the first place: fix goods-receipt timing so matching "
            "succeeds first time.",
        ),
        (
            "“We want Anaplan like our competitor has.”",
            "A forecast the business units own and believe — the tool is secondary to the "
            "driver model and the process.",
        ),
        (
            "“More licences for the reporting tool.”",
            "Controllers who can answer the CFO's questions without waiting for a report "
            "request; training and a governed data model matter more than seats.",
        ),
    ),
    candid=(
        "[2025-03:2025-12] Tobias still opens with “IT broke it again” — but he stayed for the "
        "planning part this time.",
        "Finance measures everything except the cost of their own workarounds.",
        "Aylin is doing my selling for me with the CFO. I need to make her look good.",
        "[:2025-06] If I keep chasing batch jobs I will never get into the planning room.",
        "Katrin asked for the euro figure twice. Next time I bring it unprompted.",
    ),
    beats={
        "2024-12": "Third failed close run since October; I spent two evenings on the bridge "
        "call. I am acting as a second service desk for Finance and it has to stop.",
        "2025-02": "Agreed with the ERP Platform team that they own the close runbook and "
        "call Tobias directly. I stay informed, I don't fix.",
        "2025-05": "First conversation with Aylin about forecasting that was not about a "
        "broken report. She wants a partner, not a help desk.",
        "2025-07": "Katrin invited me to the FY26 planning offsite — first time IT has a seat "
        "at that table. Moving them to service provider in my own ranking.",
        "2025-11": "Close is down to 6 days. Nobody celebrated, which is exactly how it "
        "should feel when something just works.",
        "2026-02": "Business case for driver-based planning went through the investment board "
        "on the first attempt. Aylin presented, I stayed in the background.",
        "2026-04": "Katrin asked me what IT thinks the finance operating model should look "
        "like in 2028. That is a trusted-advisor question.",
        "2026-09": "First benefits review of the close automation: {pct:80-95} of the promised "
        "hours actually came back. Tobias signed the numbers himself.",
    },
)

SALES = PartnerSpec(
    key="sales",
    name="Sales & Marketing",
    business_unit="Commercial (Sales, Marketing, Pricing)",
    sponsor="Daniel Reuter, Chief Commercial Officer",
    maturity_history=(
        ("service_provider", "2024-12-01"),
        ("trusted_advisor", "2025-05-12"),
        ("service_provider", "2026-09-07"),
    ),
    target=0.6,
    cadence=30,
    notes="""# Sales & Marketing

## Context
- Commercial division: field sales DACH/Nordics, inside sales, marketing, pricing;
  a US sales office in New York since 2024.
- Salesforce Sales Cloud + CPQ, Marketo for campaigns, a home-grown pricing tool nobody
  wants to touch.
- 2025 was good: lead scoring, the pricing analytics case, a real roadmap with Daniel.

## Goals
- Win rate up 3 points; quote turnaround under 24 hours.
- One customer view across Sales and Customer Service (with Sarah's team).

## Politics
- Daniel (CCO) likes me but judges IT by the last outage. Since the CRM migration in
  summer 2026 the last outage is never far away.
- Jennifer (VP Sales Americas, New York) wants her own tools and works around Group IT.
- Sophie (Marketing Ops) is the champion; Marco (Sales Ops) forwards every ticket to me.

## Watch out
- I am sliding back into super-fixer mode here. Every week a CRM fire, no strategic
  conversation since September. Need to reset the relationship before the FY27 planning.
""",
    contacts=(
        ContactSpec(
            "Daniel Reuter",
            "Chief Commercial Officer",
            "high",
            "neutral",
            "Sponsor. Warm in 2025, cooler since the CRM migration problems. Hates surprises.",
            "+49 40 5501 3100",
        ),
        ContactSpec(
            "Sophie Lindqvist",
            "Head of Marketing Operations",
            "medium",
            "champion",
            "Data-minded, owns Marketo and the lead funnel. Our best ally for the customer view.",
            "+49 40 5501 3127",
        ),
        ContactSpec(
            "Marco Bianchi",
            "Sales Operations Manager",
            "medium",
            "skeptic",
            "Escalates everything to me instead of the service desk. Means well, drains time.",
            "+49 40 5501 3142",
        ),
        ContactSpec(
            "Jennifer Walsh",
            "VP Sales Americas",
            "high",
            "blocker",
            "New York office. Buys her own SaaS tools; sees Group IT as a brake. Calls at 16:00 "
            "our time.",
            "+1 212 555 0147",
            us_based=True,
        ),
        ContactSpec(
            "Felix Hartmann",
            "CRM Key User, Inside Sales",
            "low",
            "supporter",
            "Knows Salesforce better than most admins. Good early-warning system.",
            "+49 40 5501 3168",
        ),
    ),
    systems=(
        "Salesforce Sales Cloud",
        "Salesforce CPQ",
        "Marketo",
        "the pricing tool",
        "the lead-scoring model",
        "the CRM–ERP order interface",
    ),
    metrics=(
        "quote turnaround",
        "win rate",
        "marketing-qualified leads",
        "pipeline coverage",
        "duplicate accounts",
        "price realisation",
    ),
    topics=(
        "[:2025-10] lead scoring",
        "[2025-03:2025-10] pricing analytics",
        "[2025-12:2026-06] the CRM migration",
        "the one-customer-view initiative",
        "the US sales tool stack",
        "quote turnaround",
        "[2025-10:] lead-scoring adoption",
    ),
    issues=(
        "[:2026-06] CRM data quality",
        "[2026-07:] the CRM migration fallout",
        "[2026-07:] duplicate accounts",
        "the order interface",
        "Marketo campaign sync",
        "the pipeline report",
    ),
    teams=("CRM Platform team", "Integration team", "Data & Analytics", "Service Desk"),
    rooms=(
        "Commercial floor, room 3.04",
        "Teams",
        "Teams",
        "Daniel's office",
        "Marketing war room",
        "Sales kick-off venue, Lübeck",
    ),
    points=(
        "Quotes took {num:26-70} hours on average last month; {person} blames the approval "
        "step in CPQ, the log says it is the ERP price lookup.",
        "[2026-07:] {num:300-1200} duplicate accounts after the migration; inside sales is calling "
        "the same customer twice.",
        "Marketing-qualified leads up {pct:8-30}, but sales accepts only a third of them — the "
        "scoring and the sales definition of a lead have drifted apart.",
        "{person} wants Salesforce fields for the US team that duplicate what already exists "
        "under another name.",
        "Pipeline coverage report was wrong for {num:2-9} days because the order interface "
        "silently dropped updates.",
        "Price realisation is at {pct:91-97}; pricing wants discount guardrails in CPQ rather "
        "than another report.",
        "{person} forwarded {num:6-19} tickets to me this month that belong to the service desk.",
        "[2026-09:] The US office signed a trial of a sales-engagement tool without telling us; "
        "data leaves Salesforce nightly via CSV.",
        "Win rate at {pct:18-31}; Daniel wants it by segment, not in total.",
        "[:2026-06] Pipeline coverage {num:2-4}x for next quarter; {person} trusts the number this "
        "time.",
        "Marketo sends {num:20-80} thousand e-mails a month; nobody knows the unsubscribe rate by "
        "segment.",
        "[2025-10:] The lead-scoring model ranks {pct:25-45} of leads as A or B; sales follows "
        "those up within a day.",
        "{person} keeps a private spreadsheet of key accounts because {system} is “too slow”.",
        "[2026-07:] Order interface errors: {num:40-300} since the cut-over.",
        "Inside sales books {num:40-120} demos a month; a third never show up.",
        "{person} wants territory changes in Salesforce in one day, not three weeks.",
        "[:2026-06] Forecast call every Monday; {person} says the numbers finally match the CRM.",
        "Discount approvals: {num:60-220} a month, {pct:40-70} of them below the guardrail anyway.",
        "[2026-08:] Sales reps keep notes in Outlook since the migration; the CRM misses "
        "{pct:20-40} of activities.",
    ),
    reframes=(
        (
            "“Add twenty new fields to the opportunity screen.”",
            "A forecast the CCO can trust: fewer, mandatory fields with clear definitions and a "
            "weekly pipeline hygiene routine.",
        ),
        (
            "“Buy the US team their own CRM.”",
            "US reps need a faster mobile quote flow; one platform keeps one customer view.",
        ),
        (
            "“Make the quote PDF prettier.”",
            "Quote turnaround under 24 hours — customers complain about waiting, not about the "
            "layout.",
        ),
        (
            "“Send us a list of all customers every Monday.”",
            "Territory planning with live data: a governed report in Salesforce, not an export "
            "that goes stale by Tuesday.",
        ),
        (
            "“We need AI for leads.”",
            "Sales and marketing agreeing on what a good lead is; only then can a model rank them.",
        ),
    ),
    candid=(
        "[2026-07:] Third CRM fire this month. I fixed it again, and again nobody asked about the "
        "roadmap.",
        "Marco treats me as his personal service desk. My fault — I kept answering.",
        "[2026-06:] Daniel was polite but checked his phone through the whole roadmap slide.",
        "[2026-10:] I have not had a single forward-looking conversation with Daniel since "
        "September.",
        "Jennifer's shadow IT is a symptom: we are too slow for the US team.",
    ),
    beats={
        "2025-01": "Daniel asked me to help frame the lead-scoring idea before it went to a "
        "vendor. Good sign: they come to us first.",
        "2025-05": "Pricing analytics case approved. Daniel called it “the first IT project "
        "with a number I believe.” Moved them to trusted advisor.",
        "2025-10": "Lead-scoring model went live ahead of the Q4 campaign; Sophie is thrilled.",
        "2026-03": "Started the CRM migration planning; I warned that the cut-over window is too "
        "tight. Noted here so I remember I said it.",
        "2026-07": "Migration weekend overran by {num:14-30} hours; order interface down on "
        "Monday morning. Three escalation calls that week.",
        "2026-08": "Every meeting this month was a fire. I am back to being the super fixer for "
        "Sales. Need to get the platform team to own their incidents.",
        "2026-09": "Daniel cancelled the roadmap session for the second time. Downgrading the "
        "relationship to service provider in my own view — it is honest.",
        "2026-10": "No strategic conversation since September. Marco calls me before he calls "
        "the service desk. This is the super-fixer trap the seeds warn about.",
        "2026-11": "Plan: ask Daniel for a one-hour reset, bring the lead-scoring benefits "
        "review (overdue) as the door-opener, and hand the incident queue back to the "
        "platform team.",
    },
)

SUPPLY = PartnerSpec(
    key="supply",
    name="Supply Chain",
    business_unit="Supply Chain & Logistics",
    sponsor="Henrik Sørensen, Chief Supply Chain Officer",
    maturity_history=(
        ("trusted_advisor", "2024-12-01"),
        ("strategic_partner", "2025-03-03"),
    ),
    target=0.7,
    cadence=21,
    notes="""# Supply Chain

## Context
- Three distribution centres (Hamburg-Billbrook, Duisburg, Malmö), ~900 people, own fleet
  plus carriers.
- SAP EWM in Billbrook and Duisburg, Malmö still on the old WMS until 2026.
- Henrik runs supply chain like an engineer: hypotheses, pilots, measured results.

## Goals
- OTIF (on time in full) from 92 % to 96 %.
- Inventory down 8 % with the new demand planning.
- Carbon per shipment reported per customer by 2026 (customers ask for it in tenders).

## Politics
- Henrik and Julia are true partners: they invite me before they have a solution.
- Oliver (procurement) worries every initiative becomes a vendor lock-in.
- The DC managers judge us by scanner uptime. Keep the basics boring.

## How we work
- Monthly roadmap session, quarterly value review with Henrik, site visits twice a year.
""",
    contacts=(
        ContactSpec(
            "Henrik Sørensen",
            "Chief Supply Chain Officer",
            "high",
            "champion",
            "Sponsor and genuine partner. Thinks in pilots and measured results.",
            "+49 40 5501 4100",
        ),
        ContactSpec(
            "Julia Kowalski",
            "Director Demand Planning",
            "high",
            "champion",
            "Leads the demand-planning rebuild. Sharp, fast, wants options not answers.",
            "+49 40 5501 4122",
        ),
        ContactSpec(
            "Ben Adeyemi",
            "DC Manager Hamburg-Billbrook",
            "medium",
            "supporter",
            "Runs the biggest warehouse. Scanner uptime is his religion. Invite him to pilots.",
            "+49 40 5501 4187",
        ),
        ContactSpec(
            "Nina Schulte",
            "Head of Transport & Logistics",
            "medium",
            "neutral",
            "Carrier contracts and the fleet. Interested in the CO₂ reporting, careful with cost.",
            "+49 40 5501 4135",
        ),
        ContactSpec(
            "Oliver Grant",
            "Category Manager Logistics Procurement",
            "low",
            "skeptic",
            "Questions every vendor choice. Useful: his questions make the business cases better.",
            "+49 40 5501 4149",
        ),
    ),
    systems=(
        "SAP EWM",
        "the demand-planning platform",
        "the transport management system",
        "the carrier EDI hub",
        "the handheld scanners",
        "the yard management app",
    ),
    metrics=(
        "OTIF",
        "inventory days",
        "pick rate",
        "forecast bias",
        "CO₂ per shipment",
        "dock-to-stock time",
    ),
    topics=(
        "demand planning",
        "[2025-08:2026-02] the Malmö WMS cut-over",
        "[2025-06:] CO₂ reporting per customer",
        "slotting optimisation",
        "carrier integration",
        "[2026-06:] the 2027 network study",
        "[2026-01:] proof of delivery",
    ),
    issues=(
        "scanner uptime",
        "the carrier EDI hub",
        "[:2026-03] the old WMS in Malmö",
        "dock-to-stock time in Duisburg",
        "peak-season readiness",
    ),
    teams=(
        "Logistics Systems team",
        "Data & Analytics",
        "Integration team",
        "Enterprise Architecture",
    ),
    rooms=(
        "Supply Chain floor, room 2.20",
        "Teams",
        "DC Hamburg-Billbrook (site visit)",
        "DC Duisburg (site visit)",
        "Henrik's office",
        "Innovation lab, HQ ground floor",
    ),
    points=(
        "OTIF at {pct:91-96} for the month; {person} sees the gap in the last mile, not the "
        "warehouse.",
        "[2025-02:2025-08] Pilot in Billbrook: pick rate up {pct:4-12} after re-slotting the fast "
        "movers.",
        "[2025-06:2025-12] Forecast bias down to {pct:2-7} on the pilot categories; the rest still "
        "runs on the old statistical model.",
        "{num:3-9} carriers still send status by e-mail; the EDI hub covers the other {num:20-34}.",
        "[2025-06:] Customers asked for CO₂ per shipment in {num:4-12} tenders this quarter — Nina "
        "wants a number we can defend, not a marketing figure.",
        "Dock-to-stock time in Duisburg {num:5-11} hours; Ben thinks Billbrook's yard app could "
        "halve it there too.",
        "{person} wants to test a control-tower view across the three DCs before buying anything.",
        "[2025-10:2026-02] Malmö cut-over rehearsal found {num:12-40} open defects, {num:2-5} of "
        "them blocking.",
        "[:2026-03] The Malmö team still prints pick lists: {num:300-900} pages a day.",
        "Ben wants scanner battery swaps built into the shift plan.",
        "[2026-04:] Malmö on EWM: pick errors down {pct:10-30} after four weeks.",
        "Carrier invoices are checked by hand: {num:1200-4000} lines a month.",
        "Julia's planners spend {pct:20-45} of their time cleaning master data.",
        "[2026-06:] Network study: {num:3-6} scenarios, two of them close a DC.",
        "Inbound from Asia late by {num:3-12} days on average; planners buffer with stock.",
        "Returns handling in Duisburg takes {num:3-9} days; customers wait for credit notes.",
        "[2025-03:] Henrik wants every pilot to have a control group; {person} already set one up.",
        "Temperature logging for the pharma customer still on paper in {num:2-3} DCs.",
        "{person} showed the yard: {num:12-30} trucks waiting at 7:00.",
    ),
    reframes=(
        (
            "“Buy a control tower.”",
            "One shared view of late orders across DCs and carriers, so planners act on "
            "exceptions instead of chasing status.",
        ),
        (
            "“More scanners for Billbrook.”",
            "Shorter pick paths: re-slotting fast movers gave more than new hardware would.",
        ),
        (
            "“An app for drivers.”",
            "Proof of delivery that reaches the customer and billing the same day.",
        ),
        (
            "“A CO₂ dashboard.”",
            "A defensible CO₂ figure per shipment that wins tenders — method first, dashboard "
            "later.",
        ),
    ),
    candid=(
        "This is what a partnership looks like: they brought a problem, not a solution.",
        "Henrik asked what I would stop doing. Nobody else ever asks me that.",
        "Oliver's vendor questions are annoying and right.",
        "Keep the scanners boring — the strategic credit depends on it.",
        "Julia moves faster than our intake process; I should shield her from it, not lecture.",
    ),
    beats={
        "2025-03": "Henrik asked me to co-own the demand-planning business case. Strategic "
        "partner in everything but name — updating maturity.",
        "2025-06": "Demand-planning pilot live for {num:120-300} SKUs. Julia runs it like an "
        "experiment; I love it.",
        "2025-10": "Value review: the pilot cut inventory on pilot SKUs by {pct:6-11}. Scaling "
        "approved.",
        "2026-02": "Malmö WMS cut-over postponed by four weeks — the right call, made together.",
        "2026-05": "CO₂-per-shipment method agreed with Nina and Sustainability; first tender "
        "answered with real figures.",
        "2026-09": "Network study for 2027 started with IT in the core team from day one.",
    },
)

HR = PartnerSpec(
    key="hr",
    name="HR",
    business_unit="People & Culture",
    sponsor="Claudia Weber, Chief People Officer",
    maturity_history=(
        ("ad_hoc", "2024-12-01"),
        ("order_taker", "2025-02-17"),
    ),
    target=0.5,
    cadence=45,
    notes="""# HR

## Context
- People & Culture: HR operations, payroll (outsourced), talent acquisition, learning.
- Workday core HR since 2023, payroll via the provider's interface, a learning platform
  bought by HR on its own, onboarding still half on paper.
- The relationship is transactional: HR sends requests, we deliver them or not.

## Goals
- Onboarding: laptop, accounts and badge on day one (today: day three on average).
- Fewer payroll corrections caused by late data.
- Claudia wants a workforce plan for 2027, but has not yet connected that to IT.

## Politics
- Claudia is friendly and busy; IT is "the people who do the laptops".
- Stefan (HR Ops) is the real day-to-day partner.
- Leonie (Talent Acquisition) bought the recruiting tool without us and resents the
  security review that followed.

## My aim
- Stop being the order taker: one real planning conversation per quarter, starting with
  the 2027 workforce plan.
""",
    contacts=(
        ContactSpec(
            "Claudia Weber",
            "Chief People Officer",
            "high",
            "neutral",
            "Sponsor. Friendly, overbooked; sees IT as a utility. Thinks in people, not systems.",
            "+49 40 5501 5100",
        ),
        ContactSpec(
            "Stefan Krüger",
            "Head of HR Operations",
            "medium",
            "supporter",
            "Day-to-day partner. Pragmatic, tired of onboarding chaos.",
            "+49 40 5501 5118",
        ),
        ContactSpec(
            "Leonie Fischer",
            "Talent Acquisition Lead",
            "medium",
            "skeptic",
            "Bought the recruiting tool on a credit card; still sore about the security review.",
            "+49 40 5501 5126",
        ),
        ContactSpec(
            "Rafael Costa",
            "HRIS Analyst",
            "low",
            "supporter",
            "Workday configuration and reports. Quietly the most useful person in HR for us.",
            "+49 40 5501 5134",
        ),
    ),
    systems=(
        "Workday",
        "the payroll interface",
        "the learning platform",
        "the recruiting tool",
        "the onboarding workflow",
        "the badge system",
    ),
    metrics=(
        "day-one readiness",
        "payroll corrections",
        "time to hire",
        "open HR tickets",
        "training completion",
    ),
    topics=(
        "day-one readiness",
        "payroll data quality",
        "learning records",
        "[2026-08:] the 2027 workforce plan",
        "[2026-08:] skills data",
        "the HR service model",
    ),
    issues=(
        "onboarding",
        "payroll corrections",
        "access requests",
        "the recruiting tool",
        "training completion",
    ),
    teams=("Workplace Services", "Service Desk", "Identity & Access team", "Security Office"),
    rooms=("HR floor, room 1.08", "Teams", "Teams", "Claudia's office", "Canteen, coffee corner"),
    points=(
        "Only {pct:35-60} of new starters had laptop and accounts on day one last month.",
        "{num:14-40} payroll corrections, most from contract changes entered after the cut-off.",
        "{person} asked for yet another Workday report; {num:3-6} similar ones already exist.",
        "Open HR tickets: {num:20-55}, half of them access requests that the service desk "
        "could handle.",
        "Training completion for the mandatory security course at {pct:62-85}; HR wants IT to "
        "chase people.",
        "The recruiting tool exports candidate data as spreadsheets by e-mail — {person} did "
        "not see the problem until I showed the data flow.",
        "{person} sends the new-starter list as a PDF every Friday.",
        "Workday has {num:12-30} custom reports nobody owns.",
        "Time to hire at {num:35-70} days; Leonie blames approvals, not tools.",
        "{num:5-20} leavers last month still had active accounts a week later.",
        "[2026-08:] Claudia's workforce plan needs skills data that exists nowhere today.",
    ),
    reframes=(
        (
            "“Order 30 laptops in stock, just in case.”",
            "New starters productive on day one: the gap is the hiring data reaching IT five "
            "days earlier, not hardware in a cupboard.",
        ),
        (
            "“Another Workday report for headcount.”",
            "One agreed headcount definition; the three existing reports disagree because the "
            "definitions do.",
        ),
        (
            "“Make IT send the reminders for the training.”",
            "Managers who see their team's completion — an overview in Workday, not more "
            "e-mails from IT.",
        ),
    ),
    candid=(
        "Pure order-taking again: a list of small asks, no why behind any of them.",
        "Claudia's attention lasts exactly as long as the laptop topic. Need a better hook.",
        "Stefan gets it. He is the door, Claudia is the room.",
        "HR measures IT in laptops delivered. I have let that stand for too long.",
        "Leonie still thinks the security review was personal.",
    ),
    beats={
        "2025-02": "Claudia's team sends requests straight to me by e-mail. Order taker is the "
        "honest description of where we are.",
        "2025-06": "Asked Stefan what a good first day looks like for a new hire. First "
        "conversation about an outcome rather than a ticket.",
        "2025-11": "Onboarding workflow change delivered; day-one readiness jumped. HR said "
        "thanks and sent five more small requests.",
        "2026-03": "Tried to get onto the agenda of the HR leadership offsite; not invited.",
        "2026-09": "Claudia mentioned the 2027 workforce plan in passing — that is my opening. "
        "Booked a planning session.",
        "2026-10": "First real planning conversation with HR: skills data, not laptops. "
        "Small step, but a step.",
    },
)

LEGAL = PartnerSpec(
    key="legal",
    name="Legal & Compliance",
    business_unit="Legal, Compliance & Data Protection",
    sponsor="Dr. Annette Schubert, General Counsel",
    maturity_history=(
        ("ad_hoc", "2025-03-03"),
        ("service_provider", "2026-01-19"),
    ),
    target=0.5,
    cadence=35,
    notes="""# Legal & Compliance

## Context
- Small team (14 people): legal counsel, compliance, data protection, contract management.
- Contracts live in a shared drive and three people's heads; retention rules on paper.
- Added to my portfolio in March 2025 after the NIS2 gap analysis.

## Goals
- A contract repository with renewal alerts (missed two auto-renewals in 2024).
- Retention and deletion rules applied in Microsoft 365, not just written down.
- Evidence for NIS2 and the customer audits without a three-week scramble.

## Politics
- Annette (General Counsel) is sceptical of IT projects: "you will build a tool and leave
  us with the process." Fair point.
- Elena (DPO) is the champion — she needs us for every DPIA.
- Matthias (Compliance) wants dashboards for the audit committee.

## How to work with them
- Precise language, written follow-ups, no jargon. They read every word.
""",
    contacts=(
        ContactSpec(
            "Annette Schubert",
            "General Counsel",
            "high",
            "skeptic",
            "Sponsor (Dr.). Precise, sceptical of tools without process. Reads every word.",
            "+49 40 5501 6100",
        ),
        ContactSpec(
            "Matthias Berger",
            "Chief Compliance Officer",
            "high",
            "supporter",
            "Owns NIS2 and audit evidence. Wants a dashboard for the audit committee.",
            "+49 40 5501 6112",
        ),
        ContactSpec(
            "Elena Popescu",
            "Data Protection Officer",
            "medium",
            "champion",
            "Needs IT for every DPIA; the best partner in the team.",
            "+49 40 5501 6127",
        ),
        ContactSpec(
            "Jonas Weiß",
            "Legal Operations Specialist",
            "low",
            "neutral",
            "Runs the contract spreadsheet. Would be the key user of any contract tool.",
            "+49 40 5501 6139",
        ),
    ),
    systems=(
        "the contract spreadsheet",
        "Microsoft Purview",
        "the contract lifecycle tool",
        "the e-discovery tool",
        "the whistleblowing platform",
        "the policy portal",
    ),
    metrics=(
        "contracts with a known renewal date",
        "open DPIAs",
        "audit findings",
        "evidence requests",
        "policy attestations",
    ),
    topics=(
        "NIS2 evidence",
        "[2025-06:] the contract repository",
        "retention rules",
        "audit evidence reuse",
        "DPIAs",
        "[2026-06:] the AI usage policy",
    ),
    issues=(
        "the customer audit",
        "contract renewals",
        "e-discovery requests",
        "[2025-10:] NIS2 findings",
        "policy attestations",
    ),
    teams=(
        "Security Office",
        "Collaboration Platform team",
        "Enterprise Architecture",
        "Service Desk",
    ),
    rooms=("Legal floor, room 5.03", "Teams", "Teams", "Annette's office", "Audit room, 5th floor"),
    points=(
        "{num:2-6} supplier contracts renewed automatically because nobody saw the notice date.",
        "Only {pct:40-70} of contracts in the spreadsheet have a renewal date filled in.",
        "{num:5-14} DPIAs open; {num:2-5} wait on IT for the technical description.",
        "The customer audit asked for {num:30-80} pieces of evidence; {person} collected them by "
        "e-mail from {num:6-12} teams.",
        "Retention rules exist as a {num:20-45}-page PDF; none is applied in Microsoft 365.",
        "[2026-01:] {person} asked whether the AI assistant pilot stores prompts outside the EU.",
        "{person} keeps a paper list of litigation holds.",
        "{num:3-9} customer security questionnaires this month; each takes {num:2-6} hours.",
        "[2025-06:] The contract spreadsheet has {num:800-2400} rows, {pct:20-40} without an "
        "owner.",
        "Data-subject requests: {num:4-15} this quarter, each answered by searching mailboxes by "
        "hand.",
        "[2026-06:] Retention applied to {num:400-1200} mailboxes; {num:2-9} exceptions approved "
        "by Annette.",
    ),
    reframes=(
        (
            "“We need a contract management system.”",
            "Never miss a notice date again: renewal alerts on the contracts that matter, "
            "starting with the top 200 suppliers.",
        ),
        (
            "“IT should delete old mailboxes.”",
            "Retention rules applied by policy in Microsoft 365, with Legal owning the rules "
            "and IT the mechanics.",
        ),
        (
            "“Give us a compliance dashboard.”",
            "Audit evidence collected once and reused; the dashboard is a by-product.",
        ),
    ),
    candid=(
        "Annette tested me with three precise questions. I answered two; sent the third in "
        "writing the same day.",
        "They don't want a tool, they want to stop being surprised.",
        "Elena is the way in. Every DPIA is a chance to show we understand their world.",
        "Legal works in deadlines set by others; our roadmap has to follow theirs.",
    ),
    beats={
        "2025-03": "New partner in my portfolio after the NIS2 gap analysis. Everything is ad "
        "hoc: calls when something is on fire, nothing in between.",
        "2025-06": "Two missed auto-renewals cost {eur:30-90}. That got Annette's attention — "
        "first structured conversation about contracts.",
        "2025-10": "Customer audit scramble again; Matthias asked if this can be done once.",
        "2026-01": "Contract repository accepted into the portfolio. Monthly check-ins agreed. "
        "Moving them to service provider.",
        "2026-06": "Retention rules live for mailboxes. Annette said “that was less painful than "
        "expected”, which from her is praise.",
        "2026-10": "AI usage policy: Legal asked IT to co-write it. First time they pull us in "
        "before the decision.",
    },
)

SERVICE = PartnerSpec(
    key="service",
    name="Customer Service",
    business_unit="Customer Service & Support",
    sponsor="Sarah Mitchell, VP Customer Service",
    maturity_history=(
        ("service_provider", "2024-12-01"),
        ("trusted_advisor", "2025-10-06"),
    ),
    target=0.6,
    cadence=28,
    notes="""# Customer Service

## Context
- Contact centres in Hamburg and Charlotte (US), ~260 agents, phone, e-mail and chat.
- Contact-centre platform replaced in 2025 (cloud telephony + case management);
  the knowledge base is a wiki nobody maintains.
- The April 2026 telephony outage (two days, ~9,000 missed calls) still colours every
  conversation.

## Goals
- First-contact resolution from 68 % to 75 %.
- Average handle time down 10 % without hurting CSAT.
- Self-service: 20 % of simple questions answered by the portal or the chatbot.

## Politics
- Sarah (VP) is a strong supporter; she defends IT to her team even after the outage.
- Patrick (contact-centre manager) blocks anything that changes the agents' screens in
  peak season — and everything is peak season.
- Hannah (quality & knowledge) is the champion for the knowledge base and the bot.
- Derek runs the Charlotte team; calls are at 10:00 his time (16:00 ours).
""",
    contacts=(
        ContactSpec(
            "Sarah Mitchell",
            "VP Customer Service",
            "high",
            "supporter",
            "Sponsor. Defends IT to her team even after the outage; expects candour in return.",
            "+49 40 5501 7100",
        ),
        ContactSpec(
            "Patrick Nowak",
            "Contact Centre Manager Hamburg",
            "medium",
            "blocker",
            "Blocks any change to agent screens “in peak season”. Respect his floor, bring data.",
            "+49 40 5501 7115",
        ),
        ContactSpec(
            "Hannah Becker",
            "Head of Service Quality & Knowledge",
            "medium",
            "champion",
            "Drives the knowledge base and the chatbot pilot. Writes the best requirements in "
            "the company.",
            "+49 40 5501 7128",
        ),
        ContactSpec(
            "Derek Lawson",
            "Team Lead, Charlotte Support Centre",
            "low",
            "neutral",
            "US team (Eastern time). Pragmatic; mostly cares about telephony stability.",
            "+1 704 555 0183",
            us_based=True,
        ),
        ContactSpec(
            "Yusuf Arslan",
            "Workforce Planning Analyst",
            "low",
            "supporter",
            "Forecasts call volumes. Has the numbers for every business case.",
            "+49 40 5501 7146",
        ),
    ),
    systems=(
        "the cloud telephony platform",
        "the case management system",
        "the knowledge wiki",
        "the chatbot pilot",
        "the customer portal",
        "the IVR",
    ),
    metrics=(
        "first-contact resolution",
        "average handle time",
        "CSAT",
        "abandoned calls",
        "self-service rate",
        "backlog of open cases",
    ),
    topics=(
        "[2026-05:] telephony resilience",
        "the knowledge base",
        "[2026-05:] the chatbot pilot",
        "self-service",
        "the one-customer-view initiative",
        "[:2025-06] the platform replacement",
    ),
    issues=(
        "[2026-04:2026-06] the telephony outage",
        "softphone stability",
        "peak-season readiness",
        "the case backlog",
        "the IVR",
    ),
    teams=("Contact Centre Platform team", "Network Ops", "Data & Analytics", "Service Desk"),
    rooms=(
        "Contact centre Hamburg, meeting room “Hafen”",
        "Teams",
        "Teams",
        "Sarah's office",
        "Contact centre floor (site visit)",
    ),
    points=(
        "First-contact resolution at {pct:64-74}; {person} says agents can't find answers in "
        "the knowledge wiki.",
        "Average handle time {num:370-520} seconds; {num:40-90} of them spent switching between "
        "screens.",
        "[2026-04:2026-05] {num:900-9000} abandoned calls in the worst week; CSAT dropped to "
        "{num:58-72}.",
        "[2026-06:] The chatbot pilot answered {pct:9-24} of simple questions without an agent.",
        "Backlog of open cases at {num:1200-4100}; Yusuf expects the peak in {month}.",
        "{person} found {num:150-600} knowledge articles older than two years, many wrong.",
        "Charlotte agents lose {num:5-15} minutes per shift to softphone re-logins.",
        "Agents use {num:4-7} applications per call; {person} counted them on the floor.",
        "Charlotte has {pct:10-25} attrition; new agents need the knowledge base most.",
        "Repeat contacts at {pct:18-30}: customers call again because the first answer was wrong.",
        "[:2025-06] The old telephony drops {num:40-150} calls a day at peak.",
        "[2026-06:] Fallback routing tested: {num:3-8} minutes to switch, agents on mobiles.",
        "Yusuf's forecast for the peak was within {pct:3-9} of the real volume.",
    ),
    reframes=(
        (
            "[2026-04:] “We need a second telephony provider as backup.”",
            "Agents who can keep serving customers when telephony fails: a tested fallback "
            "routing and a status banner, not a second contract.",
        ),
        (
            "“A bigger screen for every agent.”",
            "Less screen switching: the customer's orders shown inside the case, one click "
            "instead of four applications.",
        ),
        (
            "“Buy a chatbot.”",
            "Fewer simple calls: that needs a maintained knowledge base first; the bot only "
            "reads what we write.",
        ),
    ),
    candid=(
        "[2026-04:] Sarah took the outage on the chin for us. I owe her straight answers.",
        "Patrick's 'no' is really 'not without my team leads'. Invite them.",
        "[2026-04:2026-08] Hannah is ready for strategic work; her boss is still counting missed "
        "calls.",
        "[2026-04:2026-07] After the outage every meeting starts with telephony. That is fair for "
        "a while.",
    ),
    beats={
        "2025-03": "Platform replacement go-live planned; Sarah wants me in her steering "
        "group, not only in the project board.",
        "2025-06": "Go-live done. Handle time up for six weeks, as predicted, then below the "
        "old level.",
        "2025-10": "Value review of the platform: abandoned calls down {pct:20-35}. Sarah "
        "presented it to the board herself. Moving them to trusted advisor.",
        "2026-04": "Telephony outage, two days. Every conversation this month is reactive, and "
        "rightly so. Keep the incident with the platform team, keep Sarah informed.",
        "2026-05": "Post-incident review done properly: fallback routing funded. Sarah said "
        "“this is why I trust you”.",
        "2026-08": "Back to the knowledge base and the chatbot — first strategic session since "
        "March.",
        "2026-10": "Chatbot pilot results in: {pct:12-20} self-service on simple questions. "
        "Business case for the roll-out next.",
    },
)

RETAIL = PartnerSpec(
    key="retail",
    name="Retail Operations",
    business_unit="Retail Operations (merged into Sales & Marketing, June 2025)",
    sponsor="Michael Franke, Head of Retail Operations",
    maturity_history=(("order_taker", "2024-12-01"),),
    target=0.5,
    cadence=45,
    notes="""# Retail Operations (archived)

## Context
- The 38 trade counters ("Abholmärkte") were run as their own unit until June 2025.
- Merged into Sales & Marketing in the reorganisation; the counters now report to Daniel.

## What is left
- Point-of-sale and store Wi-Fi moved to the Sales & Marketing portfolio.
- Kept here for the history: the POS replacement discussion and the Wi-Fi complaints.
""",
    contacts=(
        ContactSpec(
            "Michael Franke",
            "Head of Retail Operations",
            "high",
            "neutral",
            "Left in the reorganisation (June 2025).",
            "+49 40 5501 8100",
        ),
        ContactSpec(
            "Petra Lang",
            "Store Systems Coordinator",
            "low",
            "supporter",
            "Now in Sales Ops under Marco.",
            "+49 40 5501 8117",
        ),
        ContactSpec(
            "Kai Ludwig",
            "Regional Manager North",
            "medium",
            "skeptic",
            "Judged IT by the Wi-Fi in his counters. Fair enough.",
            "+49 40 5501 8123",
        ),
    ),
    systems=("the point-of-sale tills", "store Wi-Fi", "the counter ordering app"),
    metrics=("till downtime", "Wi-Fi tickets", "counter sales per hour"),
    topics=(
        "the POS replacement",
        "offline tills",
        "[2025-03:] the reorganisation",
    ),
    issues=(
        "store Wi-Fi",
        "till downtime",
        "the counter ordering app",
    ),
    teams=("Network Ops", "Service Desk", "Retail Systems team"),
    rooms=(
        "Teams",
        "Trade counter Hamburg-Wandsbek (site visit)",
        "Retail Ops office, HQ 1st floor",
    ),
    points=(
        "{num:9-30} Wi-Fi tickets from the counters this month; {num:3-6} counters account for "
        "most of them.",
        "Till downtime of {num:40-180} minutes at peak on Saturday mornings.",
        "{person} wants the POS replacement decided before the reorganisation; I suggested "
        "waiting for the new owner.",
        "Counters close at 13:00 on Saturdays; outages before noon hurt most.",
        "{person} asked for a single contact for all counter IT issues.",
    ),
    reframes=(
        (
            "“New tills for every counter.”",
            "Sales that don't stop when the network does: offline mode on the existing tills.",
        ),
    ),
    candid=(
        "Nobody wants to decide anything before the reorganisation.",
        "Michael knows he is leaving; the counters deserve a clear owner.",
    ),
    beats={
        "2025-03": "Reorganisation announced: the counters move to Sales & Marketing in June. "
        "Parking every larger topic until then.",
        "2025-05": "Handover session with Michael and Marco. Archiving this partner after June.",
    },
    archived=True,
)

PARTNERS: tuple[PartnerSpec, ...] = (FINANCE, SALES, SUPPLY, HR, LEGAL, SERVICE, RETAIL)

# --- Meetings -------------------------------------------------------------------------------

TITLES: dict[str, tuple[str, ...]] = {
    "escalation": (
        "Escalation: {system} down",
        "Escalation — {topic}",
        "Urgent call with {person} about {system}",
        "P1 follow-up: {system}",
        "Escalation from {person}: {metric} hit",
    ),
    "incident_review": (
        "Incident review: {system}",
        "Post-incident review — {topic}",
        "What went wrong with {system}",
        "Root-cause walkthrough: {system}",
    ),
    "service_review": (
        "Monthly service review",
        "Service review {month}",
        "Service review — {topic}",
        "Quarterly service review",
        "SLA review with {person}",
    ),
    "status_checkin": (
        "Check-in with {person}",
        "Weekly status — {topic}",
        "Status: {topic}",
        "Quick sync on {topic}",
        "Catch-up with {person}",
    ),
    "one_to_one": (
        "1:1 with {person}",
        "Coffee with {person}",
        "1:1 {person} — {month}",
        "Walk-and-talk with {person}",
    ),
    "planning": (
        "Planning: {topic}",
        "FY planning input — {topic}",
        "Quarterly planning with {person}",
        "Capacity and priorities for {month}",
    ),
    "roadmap": (
        "Roadmap session — {topic}",
        "Roadmap review with {person}",
        "Joint roadmap {month}",
        "Next 12 months: {topic}",
    ),
    "business_case": (
        "Business case: {topic}",
        "Business case workshop — {topic}",
        "Sizing the benefit of {topic}",
        "Investment board prep — {topic}",
    ),
    "value_review": (
        "Value review: {topic}",
        "Benefits review — {topic}",
        "Did it pay off? {topic}",
        "Quarterly value review with {person}",
    ),
    "innovation": (
        "Innovation workshop — {topic}",
        "Ideas session: {topic}",
        "Discovery: what if {topic} worked differently?",
        "Vendor-neutral demo day — {topic}",
    ),
    "other": (
        "Intro: {person}",
        "Town hall follow-up",
        "Onboarding {person} to how we work",
        "Site walk with {person}",
        "Lunch with {person}",
    ),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "context": ("## Context", "## Why we met", "## Situation", "## Background"),
    "points": ("## Discussed", "## Key points", "## What I heard", "## Notes"),
    "decisions": ("## Decisions", "## Agreed", "## Outcome", "## Where we landed"),
    "reframe": ("## Want vs need", "## Reframing the ask", "## Behind the request"),
    "value": ("## Value", "## The numbers", "## Value talk"),
    "read": ("## My read", "## Note to self", "## Reflection", "## Between the lines"),
}

CONTEXT: dict[str, tuple[str, ...]] = {
    "escalation": (
        "{person} called at {num:7-9}:{num:10-55} — {system} unavailable, {topic} blocked.",
        "Second escalation on {system} in {num:2-4} weeks; {person} went straight to me, not "
        "the service desk.",
        "{system} slow since {weekday} morning; {num:20-140} users affected according to {person}.",
        "{sponsor} asked me to join because the {metric} figures for the week looked alarming.",
        "Outage on {system}, ticket open for {num:5-30} hours without an update to the business.",
        "{person} rang my mobile during another meeting: {system} errors since the morning.",
        "{team} had downgraded the ticket; {person} escalated to me to get it back to P1.",
        "Month-end pressure: {system} problems hit exactly when {person}'s team needs it most.",
        "Escalation by e-mail from {sponsor}, {person} in copy — {topic} at risk.",
    ),
    "incident_review": (
        "Review of last {weekday}'s incident on {system} with {team} and {person}.",
        "{team} presented the root cause; I invited {person} so the business hears it first hand.",
        "Looking back at the disruption around {topic}: {num:2-9} hours of impact.",
        "Incident review requested by {person} after {system} failed.",
        "Structured review of the {weekday} outage: timeline, cause, actions.",
        "{person} asked for the review; I asked {team} to bring the raw timeline, not slides.",
        "Review of {num:2-4} incidents on {system} in the last month, taken together.",
        "Blameless review with {team}; {person} joined for the business impact.",
    ),
    "service_review": (
        "Regular service review: tickets, SLAs and the {metric} trend.",
        "Monthly look at service figures with {person}; {team} joined for the part on {system}.",
        "Service review — first time with the new SLA report from {team}.",
        "Quarterly service review; {person} brought a list of complaints from the floor.",
        "Service review with the new three-number report: availability, backlog, satisfaction.",
        "{team} presented; {person} had prepared questions from the team leads.",
        "Service review focused on {system} after last month's complaints.",
        "Short service review — figures fine, so we used the time for {topic}.",
    ),
    "status_checkin": (
        "Short status round on {topic}.",
        "Regular check-in with {person}; no big agenda.",
        "Status of the open items on {topic} and the requests in the intake.",
        "Check-in before {month}'s steering meeting.",
        "Fortnightly check-in with {person} on the open items.",
        "Quick round on the requests in the intake and what is waiting on whom.",
        "Check-in moved to a walk along the floor at {person}'s request.",
        "Status before the holidays: what must be done before {month}.",
    ),
    "one_to_one": (
        "Regular 1:1 with {person}, mostly listening.",
        "Informal conversation with {person} over coffee.",
        "1:1 with {person}; asked what keeps them up at night.",
        "Catching up with {person} after the holidays.",
        "1:1 with {person}; no agenda, on purpose.",
        "{person} asked for the meeting; wanted to talk about the team, not IT.",
        "Lunch 1:1 with {person} in the canteen.",
        "Monthly 1:1 with {person}, this time on site.",
    ),
    "planning": (
        "Planning input for the next budget cycle: what does {topic} need from IT?",
        "Priorities for the next two quarters with {person}.",
        "Capacity check: what we can realistically take on in {month} and after.",
        "Planning session; {sponsor} wants one page of priorities, not a wish list.",
        "Budget-round preparation with {person}: what IT needs to know by {month}.",
        "Joint planning of the next quarter; {team} joined for the capacity view.",
        "{sponsor} asked for a ranked list for the planning meeting.",
    ),
    "roadmap": (
        "Walked through the joint roadmap for {topic}.",
        "Roadmap session: what changes in the business over 12–18 months and what IT must do "
        "before then.",
        "Roadmap review with {person}; {team} joined for the architecture part.",
        "Refreshing the roadmap after the {past} steering decisions.",
        "Half-year roadmap refresh with {person} and {team}.",
        "Checked the roadmap against {sponsor}'s goals for the year.",
        "{person} wanted to see how {topic} fits with the rest of the roadmap.",
    ),
    "business_case": (
        "Working session on the business case for {topic}.",
        "Sizing the benefit of {topic} with {person} before the investment board.",
        "Business case draft review; the benefit side was thin.",
        "Putting numbers behind {topic}: baseline first, then the target.",
        "Second round on the numbers for {topic}; Finance controlling had questions.",
        "{person} brought the baseline figures; we built the benefit side together.",
        "Final review of the business case for {topic} before submission.",
    ),
    "value_review": (
        "Value review: did {topic} deliver what the business case promised?",
        "Going back to the business case for {topic} — {num:3-9} months after go-live.",
        "Benefits check with {person}; baseline vs today on {metric}.",
        "Quarterly value review with {sponsor}.",
        "Six-month check on {topic} with {person}.",
        "Value review requested by {sponsor} ahead of the budget round.",
        "Looking at {metric} before and after, with {person}'s own figures.",
    ),
    "innovation": (
        "Open ideas session on {topic}; no commitments, only questions.",
        "Exploring what {topic} could look like in two years.",
        "Discovery workshop with {person} and {team}.",
        "Looked at what others in the industry do with {topic}.",
    ),
    "other": (
        "Introduction to {person}, new in the role.",
        "Informal meeting; no agenda.",
        "Walked the floor with {person} to see the work, not the tickets.",
        "Follow-up from the town hall questions about IT.",
    ),
}

POINTS: dict[str, tuple[str, ...]] = {
    "escalation": (
        "{team} had the ticket but no one had told {person} what was happening.",
        "Workaround agreed: manual processing for {num:1-3} days, {num:2-6} extra people.",
        "Impact on {metric} estimated by {person}; I asked for the number in writing.",
        "Same symptom as in {past}; the fix then was a restart, not a repair.",
        "{person} wants a named person at IT to call — I offered the major-incident manager, "
        "not myself.",
        "The vendor's status page said green the whole time.",
        "Business impact was not on the ticket at all; {team} rated it P3.",
        "{person} had already opened {num:2-5} tickets for the same problem.",
        "Customers noticed before we did: {num:5-40} complaints by noon.",
        "{person}'s team switched to paper for {num:2-6} hours.",
        "The on-call engineer in {team} was reached after {num:20-90} minutes.",
        "Second-level support asked {person} for screenshots — while the system was down.",
        "Impact: {num:40-400} orders waiting, {eur:10-120} at risk if it lasts till evening.",
        "{person} wanted a date for the fix; {team} could only give the time of the next update.",
    ),
    "incident_review": (
        "Root cause: an expired certificate on {system}; monitoring did not cover it.",
        "Root cause: a change on {weekday} evening without a rollback plan.",
        "Timeline showed {num:40-120} minutes before the right team was engaged.",
        "{team} agreed to add {system} to the major-incident list.",
        "{person} asked why the business heard about it from customers first.",
        "Three of the five actions from the last review are still open.",
        "Communication was the real failure: {num:3-6} hours without an update.",
        "Capacity alert had fired {num:2-9} days earlier and was ignored.",
        "The monitoring saw it; the alert went to a mailbox nobody reads.",
        "Known error since {past}; the permanent fix was never prioritised.",
        "{team} admitted the test environment did not match production.",
        "Business impact measured this time: {num:3-30} hours of lost work in {person}'s team.",
        "{person} gets the plain-language summary, not the technical report.",
    ),
    "service_review": (
        "{num:40-260} tickets this month, {pct:55-85} closed within SLA.",
        "Top three ticket categories unchanged for {num:3-7} months — a problem, not incidents.",
        "{person} does not read the SLA report; agreed to replace it with three numbers.",
        "Availability of {system} at {pct:97-99}, but the outages hit peak hours.",
        "Backlog of {num:15-70} service requests older than 30 days.",
        "Satisfaction survey: {num:3-4} out of 5, comments mostly about response time.",
        "{team} proposed a problem record for the recurring {system} errors.",
        "Repeat tickets: {num:10-60} on the same {system} error.",
        "First-time fix rate at {pct:58-80}; {person} thought it was worse.",
        "The service desk answers in {num:20-90} seconds, but fixes on {system} take days.",
        "{person} asked why a password reset still needs a ticket.",
        "Planned maintenance on {system} collided with {person}'s busiest day.",
    ),
    "status_checkin": (
        "Open requests: {num:3-9}, two waiting on the business.",
        "{person} confirmed the test dates for {month}.",
        "Nothing burning; used the time to ask about {topic}.",
        "Agreed to move the steering meeting by a week.",
        "{person} asked for a status page instead of e-mails.",
        "Quick update on {system}: on track, go-live unchanged.",
        "{num:2-5} items closed since last time, {num:1-3} new.",
        "Go-live date for {topic} confirmed with {person}.",
        "{person} waits on IT for one decision; chased it the same afternoon.",
        "No escalations this month, which nobody mentioned.",
        "Test feedback from {person}'s users is due by {weekday}.",
    ),
    "one_to_one": (
        "{person} is under pressure on {metric}; the numbers go to the board in {month}.",
        "Heard about a reorganisation rumour in {person}'s area.",
        "{person} wants to be involved earlier in vendor selections.",
        "Talked about how decisions are really made here — not in the steering meeting.",
        "{person} admitted the team works around {system} with spreadsheets.",
        "Asked what success looks like for {person} at the end of the year.",
        "{person} is new in the management team and still finding allies.",
        "{person} asked me how other departments work with IT.",
        "{person} would like to see the IT roadmap before the budget round, not after.",
        "{person} mentioned that {sponsor} reads every incident report personally.",
        "Career talk: {person} would like to lead {topic}.",
    ),
    "planning": (
        "Long list of {num:12-30} wishes; we ranked them by value and urgency together.",
        "Capacity: {team} can take {num:2-4} medium items next quarter, not {num:6-9}.",
        "{person} accepted that two items go to the service desk as standard requests.",
        "Dependencies on {system} mean {topic} cannot start before {month}.",
        "Budget frame of {eur:150-600} for the year; half already committed.",
        "Agreed that anything without a business owner stays off the plan.",
        "Three items depend on the same people in {team}; sequenced them.",
        "{person} wants a fixed date; agreed a window instead.",
        "Parked {num:3-8} wishes with a revisit date rather than a no.",
        "{sponsor}'s top priority is {topic}; the rest is negotiable.",
        "Running cost after go-live counted for the first time: {eur:10-60} a year.",
    ),
    "roadmap": (
        "Mapped {num:5-9} business goals to the initiatives on the roadmap; {num:1-3} goals had "
        "nothing behind them.",
        "{system} reaches end of support in {month} next year — has to be on the roadmap.",
        "{person} wants {topic} earlier; the honest answer is that it depends on the data.",
        "Sequenced the next {num:3-5} initiatives; quick win first to build trust.",
        "Architecture view from {team}: {system} can carry this, no new platform needed.",
        "Removed two items nobody could explain the value of.",
        "{topic} moves up a quarter; the {system2} upgrade moves back.",
        "{person} asked what IT will stop doing to make room — good question.",
        "The roadmap now shows business outcomes in the first column, systems in the last.",
        "{num:2-4} roadmap items had no business owner; {person} took one.",
        "The vendor's roadmap for {system} changes ours: the feature we wanted comes in {month}.",
    ),
    "business_case": (
        "Baseline agreed: {metric} today, measured the same way afterwards.",
        "Expected benefit {eur:60-400} a year; one-off cost {eur:80-350}.",
        "{person} wanted to count soft benefits; we kept them separate from the money.",
        "Payback in {num:9-30} months under cautious assumptions.",
        "Named {person} as benefit owner — the business owns the benefit, IT the delivery.",
        "Risk: adoption. Without {num:2-4} trained key users the benefit will not come.",
        "Compared three options: do nothing, extend {system}, new tool. Extending wins.",
        "{person} had a benefit figure of {eur:300-900}; we could defend {eur:80-250}.",
        "Included the cost of change in {person}'s team, not only the IT cost.",
        "Finance controlling joined for the numbers and accepted the baseline.",
        "Two benefits overlapped with another initiative; counted them once.",
        "Non-financial benefit written down plainly: less risk in the audit.",
    ),
    "value_review": (
        "{metric} improved by {pct:5-25} since go-live; {person} agrees it is "
        "the change, not the season.",
        "Realised about {pct:55-110} of the expected benefit so far.",
        "Adoption is the gap: only {pct:40-80} of users work in the new process.",
        "{person} had forgotten what the business case promised — worth bringing it.",
        "Some of the benefit went into absorbing growth, not into savings. Agreed to count it.",
        "Agreed on a second review in {num:3-6} months with the same measure.",
        "The benefit is there, but elsewhere than planned: {metric}, not headcount.",
        "{person} now measures {metric} weekly — a side effect nobody planned.",
        "Workarounds survive in {num:2-5} places; that is where the rest of the value hides.",
        "Reported the realised figure to {sponsor} with the method, not only the number.",
        "One promised benefit will not come; agreed to say so openly.",
    ),
    "innovation": (
        "Sketched three ideas on the whiteboard; {person} liked the smallest one best.",
        "Looked at what an AI assistant could do for {topic}; data quality first.",
        "{team} showed a prototype built in {num:2-5} days on existing tools.",
        "{person} asked what competitors do; shared two examples from the BRM network.",
        "Picked one experiment with a clear stop criterion after {num:4-8} weeks.",
        "No budget yet; the aim is to learn enough to write a business case.",
        "{person} brought an article about {topic}; we tried to map it to our reality.",
        "Listed the assumptions first, solutions later.",
        "Invited two people from the floor; they had the best ideas.",
        "{team} warned about data quality in {system} before we got too excited.",
        "A trial on {num:20-60} records, done in a week, will tell us more than a study.",
    ),
    "other": (
        "{person} asked how to reach IT for what; explained the service desk and my role.",
        "Saw the real process on the floor; three screens and a paper list.",
        "Shared the IT org chart and who does what.",
        "{person} was surprised IT has a roadmap at all.",
        "Mostly relationship time; no business decisions.",
        "Explained the difference between my role and the service desk with a real example.",
        "{person} asked for a contact list for IT; sent the one-pager.",
        "Heard a lot about {topic} that never reached a ticket.",
        "{person} showed me the paper list the team keeps next to {system}.",
    ),
}

DECISIONS: dict[str, tuple[str, ...]] = {
    "reactive": (
        "{team} owns the incident and updates {person} every {num:2-4} hours — not via me.",
        "Problem record opened for {system}; review in two weeks.",
        "Workaround stays until the fix is tested; {person} informs the team.",
        "Business impact goes on the ticket from now on; {person} agreed to quantify it.",
        "No new tickets to my inbox: the service desk is the front door, I am the escalation.",
        "{team} to present the fix and the monitoring change at the next service review.",
        "Compensation question for customers goes to {sponsor}, not to IT.",
        "The major-incident manager is {person}'s single contact for {system} from now on.",
        "{team} reviews the alert thresholds on {system} this week.",
        "Rollback plans become mandatory for changes on {system}; {team} agreed.",
        "Manual fallback documented by {person}'s team, tested once a quarter.",
        "{person} escalates via the service desk priority line, not my mobile.",
        "Freeze on non-urgent changes to {system} until month-end.",
        "{team} joins {person}'s morning stand-up for {num:3-5} days.",
        "Vendor escalation opened; {sponsor} informed by me in writing.",
        "Root-cause report due in {num:5-10} working days, sent to {person} directly.",
        "The incident gets a problem owner in {team}; I check progress at the service review.",
        "The weekly workaround report stops once the fix has held for {num:2-4} weeks.",
        "{person} gets read access to the incident dashboard instead of asking me.",
        "Business-impact scale agreed with {person}: lost orders count, annoyance doesn't.",
        "{person} informs customers through the account managers, with a text we agreed together.",
        "No more side-channel fixes: every change on {system} goes through the change board.",
        "Capacity upgrade on {system} pulled forward to {month}.",
        "{team} publishes a status note every morning until the backlog is gone.",
        "Overtime in {person}'s team is logged as incident cost, so the problem has a price.",
        "Temporary hotline for {person}'s team leads, run by {team}, not by me.",
        "The recurring {system} error becomes a known error with a documented workaround.",
        "{sponsor} gets a written summary by Friday: cause, impact, what changes.",
        "Post-incident review booked with {team} and {person} for next week.",
        "Patch for {system} goes in on {weekday} evening with {person}'s team on standby.",
        "{person} collects the affected orders; {team} replays them once the interface is fixed.",
        "The service desk gets a script for {system} calls so {person}'s people stop calling me.",
    ),
    "routine": (
        "Keep the check-in monthly instead of weekly.",
        "{person} sends the priority list before the next session.",
        "Small requests go through the service catalogue; I only see the big ones.",
        "Next steering meeting moved to {month}.",
        "Nothing to decide; noted the open points.",
        "The check-in stays, but {person} brings one question about the future each time.",
        "The open-items list moves to a shared page that {person} maintains.",
        "Skip the {month} session; nothing is due.",
        "{person} takes over day-to-day topics from {sponsor}.",
        "Shorter slot from now on: {num:15-20} minutes.",
        "Requests below a day of effort go through the catalogue, not this meeting.",
        "{person} shares the team's busy weeks so we stop planning changes into them.",
        "Status updates by e-mail from now on; the meeting is for decisions.",
        "Next check-in on site rather than on Teams.",
        "{team} joins once a quarter.",
        "{person} becomes my first contact for small topics while {sponsor} is travelling.",
        "Agenda for next time: the open requests, nothing else.",
        "The shared request list replaces the weekly e-mail.",
    ),
    "strategic": (
        "{topic} goes to the investment board in {month}, {person} presents.",
        "Start with a pilot of {num:6-12} weeks, measured on {metric}.",
        "Two items dropped from the roadmap; freed capacity goes to {topic}.",
        "{person} is the benefit owner; I track the review date.",
        "Agreed to measure {metric} monthly from now on, same method as the baseline.",
        "Architecture review with {team} before anyone talks to vendors.",
        "Value review booked {num:3-6} months after go-live.",
        "{person} drafts the problem statement; I add the options and the costs.",
        "Baseline measurement for {metric} starts next month, before anything changes.",
        "{topic} becomes one of {num:3-5} priorities for next year; everything else waits.",
        "Benefit owner and sponsor sign the business case together, not only IT.",
        "We test the idea with {num:2-4} users before writing any requirement.",
        "Vendor talks only after the architecture review; {person} agreed to hold off.",
        "Stop criterion: if {metric} doesn't improve by {pct:3-10} in the pilot, we stop.",
        "{sponsor} gets a one-page summary before the investment board, not a deck.",
        "Funding: {eur:50-250} from the business budget, delivery capacity from {team}.",
        "{topic} is split into two phases; the first pays for the second.",
        "Joint quarterly roadmap review from now on, {sponsor} in the chair.",
        "Data owner for {topic} named on the business side: {person}.",
        "Keep {system}; improve the process around it first.",
        "{person} and {team} run a two-day discovery before anyone estimates anything.",
        "Success measure for {topic}: {metric}, reported monthly to {sponsor}.",
        "The {num:2-3} smallest items go first to show value within the quarter.",
        "Business case gets a cautious and an optimistic figure; the board sees both.",
        "{topic} joins the portfolio intake this month; {person} owns the request.",
        "No new tool until the current use of {system} is understood.",
        "Pilot users come from {person}'s best and most sceptical teams, half and half.",
        "Architecture principles for {topic} written down before design starts.",
        "A review point after {num:6-10} weeks: continue, change or stop.",
        "{sponsor} sponsors it formally; {person} runs it day to day.",
        "Benefits tracking sheet shared with Finance controlling from day one.",
        "Dependencies on {system2} go on the roadmap as their own item.",
    ),
}

VALUE_LINES: tuple[str, ...] = (
    "Expected benefit: {eur:40-300} a year, mostly hours given back to {person}'s team.",
    "Every point of {metric} is worth about {eur:20-120} a year according to {person}.",
    "The benefit is real but small; worth doing only because it is cheap.",
    "Soft benefit: fewer escalations to {sponsor}. Not in the money, but in the mood.",
    "The cost of doing nothing: {num:2-6} FTE of manual work and the audit risk.",
    "Realisation so far {pct:60-105}; the rest depends on adoption, not technology.",
    "Benefit owner is {person}; I only keep the calendar reminder.",
    "Benefit side: {pct:10-30} less time on {metric}; cost side: {eur:30-120} one-off.",
    "{person} puts the value at {eur:50-200}; I would bet on half of that.",
    "The value comes from fewer errors, not fewer people — say it that way to the works council.",
    "Counted only hard savings; the risk reduction comes on top.",
    "A day less on {metric} is worth more to {sponsor} than any licence saving.",
    "Payback under {num:12-24} months, even with cautious adoption.",
    "Value depends on {person}'s team changing the process; the system alone gives nothing.",
    "The biggest lever is {metric}: every improvement there shows up in the P&L.",
)

CANDID: dict[str, tuple[str, ...]] = {
    "reactive": (
        "I was the fixer again. Useful today, harmful for the relationship if it becomes the "
        "pattern.",
        "Nobody asked about the roadmap while {system} was down. Of course not.",
        "The provider process failed {person}, and I papered over it. Raise it with {team}.",
        "Good outcome, wrong route: next time the major-incident manager calls {person}, not me.",
        "Fixing this won't earn a seat at the table; failing to fix it would lose one.",
        "I spent {num:2-5} hours on this; none of it builds the relationship.",
        "{person} thanked me personally. That is the trap — the thanks belong to {team}.",
        "The service desk never heard of the issue until I forwarded it. A process gap.",
        "Next time I ask {person} for the business impact before I pick up the phone.",
        "Escalations cluster around month-end; that pattern is the real conversation.",
        "Again a fix, again no conversation about why it keeps happening.",
        "{person} was calm and precise — easier to help than most.",
        "The provider side needs to feel this pain, not only me.",
        "We lost a day because nobody owned the interface between {team} and the vendor.",
    ),
    "routine": (
        "Fine, friendly, forgettable. Use the next one for a real question.",
        "Routine meetings keep the door open; they don't move anything.",
        "{person} is more open in 1:1s than in the steering meeting.",
        "Worth keeping for the relationship, not for the content.",
        "The small talk told me more than the agenda.",
        "{person} mentioned {topic} in passing — follow up in the next 1:1.",
        "Useful, but it could have been an e-mail.",
        "Relationship capital: low cost, slow return.",
        "{person} is warming up; keep showing up.",
        "{person} asked nothing and offered nothing. Need a better reason to meet.",
        "Good rhythm; the open list is shorter than last month.",
        "Keep it short next time; the value is in the contact, not the minutes.",
    ),
    "strategic": (
        "This is the conversation I want to be having every month.",
        "{person} talked about outcomes, not systems. Progress.",
        "I asked why three times and we got to the real need. Good session.",
        "They invited IT before choosing a solution. That is the shift.",
        "The business case is theirs now, not mine. Exactly right.",
        "{sponsor} asked the hard question on cost; glad I had the baseline.",
        "For once IT was asked before the vendor. Protect that.",
        "We argued about the need, not the solution. Good sign.",
        "{person} will present it; my name doesn't need to be on it.",
        "I should bring {team} in earlier next time; they would have spotted the data issue.",
        "{person} drew the process on the whiteboard; worth more than any requirement document.",
        "Felt like partners today, not supplier and customer.",
        "The hardest part will be adoption in {person}'s team, not the technology.",
        "Next step is theirs; I will not chase it for them.",
    ),
}

PRIVATE_LINES: tuple[str, ...] = (
    "{person} hinted that {sponsor} may leave next year; don't repeat it.",
    "Budget for {topic} will be cut by {pct:15-30} — {person} told me before the team knows.",
    "{person} is frustrated with their own boss, not with IT. Stay out of it.",
    "Told {person} frankly that {team} is understaffed; not a line for the review pack.",
    "There is a restructuring plan in {person}'s area; {num:8-30} roles affected.",
    "{person} asked for my honest view of the vendor; I said I would not sign with them.",
    "Performance issue in {team} is the real cause; HR is involved.",
    "{sponsor} and {person} disagree on {topic}; I will not take sides in the steering.",
    "{person} is interviewing elsewhere. Plan for a new key user.",
    "The delay was our fault; I told {person} so, off the record.",
    "{person} thinks {sponsor}'s priorities change after every board meeting.",
    "{sponsor} is under pressure from the CEO on {metric}; that explains the tone.",
    "{person} wants to move into IT; keep it between us.",
    "The budget for {topic} is already promised elsewhere; {person} does not know yet.",
    "The lead of {team} is leaving in {month}; don't tell {person} before it's announced.",
    "{person} and {sponsor} barely talk; decisions have to go through {sponsor} directly.",
    "I suspect {person} inflated the benefit figure; check it before the board.",
    "{person} has a second vendor offer and uses it to push us on price.",
    "{sponsor} asked me to keep {person} out of the next steering meeting.",
    "{person} admitted the process failure was in their own team, not IT.",
    "The works council is sensitive about {topic}; keep the monitoring angle out of papers.",
    "{person} will be on long-term leave from {month}; plan without them.",
    "{person} hinted at an acquisition that would double the volume in {system}.",
    "{person} criticised our provider team personally; I'll raise it with their manager.",
    "{sponsor} wants to outsource part of {person}'s team: {num:5-15} roles.",
    "The vendor offered {person} a conference trip; I flagged it to Compliance.",
    "{person} asked me not to share the incident numbers with {sponsor} yet.",
    "{sponsor} said the IT budget will be frozen for {num:3-6} months.",
)

PRIVATE_OPENERS: tuple[str, ...] = (
    "**Confidential — my eyes only.**",
    "*Confidential: not for the review pack.*",
    "**Confidential.** Keep out of any export.",
    "Confidential note to self:",
)

ACTIONS: dict[str, tuple[str, ...]] = {
    "mine": (
        "Send {person} a one-page summary of {topic}",
        "Book a value review for {topic}",
        "Ask {team} for the root-cause report and forward it",
        "Prepare the baseline for {metric}",
        "Introduce {person} to the lead architect in {team}",
        "Draft the business case outline for {topic}",
        "Bring the roadmap for {topic} to the next steering meeting",
        "Check the benefit figures for {topic} with Finance controlling",
        "Write up the decisions and share them with {sponsor}",
        "Find two reference customers for {topic}",
        "Clarify the service desk route for {system} requests",
        "Share the service figures for {system} with {person} before the next review",
        "Ask {team} for a date for the {system} fix and report back to {person}",
        "Set up a 30-minute call between {person} and {team}",
        "Write a one-line problem statement for {topic} and check it with {person}",
        "Put {topic} on the agenda of the portfolio board",
        "Check with Finance controlling how {metric} is measured today",
        "Send {sponsor} the realised-benefit figures for {topic}",
        "Collect examples from other partners who solved {topic}",
        "Update the stakeholder map after the changes in {person}'s team",
        "Prepare a one-page options paper for {topic}",
        "Block time for a site visit with {person}",
        "Close the loop with {person} on the redirected request",
    ),
    "partner": (
        "{person} to send the current {metric} figures",
        "{person} to name a key user for {system}",
        "{person} to confirm the priority order with {sponsor}",
        "{person} to quantify the business impact of the last outage of {system}",
        "{person} to share the process description for {topic}",
        "{person} to free two testers for the {month} test window",
        "{person} to decide between the two options for {topic}",
        "{person} to review the draft business case",
        "{person} to collect the baseline for {metric} over {num:2-4} weeks",
        "{person} to nominate pilot users for {topic}",
        "{person} to bring the current process map for {topic}",
        "{person} to confirm the budget line for {topic}",
        "{person} to send examples of the errors in {system}",
        "{person} to agree the success measure for {topic} with {sponsor}",
        "{person} to check which reports on {system} are still used",
        "{person} to tell the team about the workaround for {system}",
        "{person} to give feedback on the roadmap draft",
        "{person} to book a room for the workshop on {topic}",
    ),
    "provider": (
        "{team} to deliver the root-cause analysis for {system}",
        "{team} to add {system} to monitoring",
        "{team} to estimate the effort for {topic}",
        "{team} to propose a maintenance window",
        "{team} to close the open problem record on {system}",
        "{team} to present the architecture options for {topic}",
        "{team} to fix the report that feeds {metric}",
        "{team} to confirm capacity for the {month} release",
        "{team} to size the fix for the recurring {system} errors",
        "{team} to send the change calendar for {month} to {person}",
        "{team} to review access rights in {system}",
        "{team} to test a restore of {system}",
        "{team} to document the workaround for {system} in the knowledge base",
        "{team} to check licence usage in {system}",
        "{team} to propose a data-quality check for {metric}",
        "{team} to confirm the go-live date for {topic}",
        "{team} to plan the upgrade of {system}",
        "{team} to share the incident timeline with {person}",
    ),
}

TAGS: dict[str, tuple[str, ...]] = {
    "escalation": ("outage", "escalation", "p1"),
    "incident_review": ("incident", "root-cause", "lessons-learned"),
    "service_review": ("sla", "service-review", "tickets"),
    "status_checkin": ("status",),
    "one_to_one": ("relationship",),
    "planning": ("planning", "priorities", "budget"),
    "roadmap": ("roadmap",),
    "business_case": ("business-case", "benefits"),
    "value_review": ("value", "benefits-review"),
    "innovation": ("innovation", "discovery"),
    "other": ("relationship",),
}

# --- Requests -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestSeed:
    """One request as the BRM lived it; the generator turns months and lags into dates."""

    key: str  # local name, unique; also how reframes point at their successor
    partner: str  # PartnerSpec.key
    month: str  # "YYYY-MM" received
    raised_by: int  # index into the partner's contacts
    focus: str
    status: str
    value: int
    urgency: int
    title: str
    want: str
    need: str = ""
    routed_to: str = ""
    outcome: str = ""
    reframed_as: str = ""  # key of the request it became
    revisit: str | None = None  # "YYYY-MM-DD"
    delivered_after: int = 0  # days from received to delivered_on
    reviewed_after: int = 0  # days from delivered_on to benefit_reviewed_on
    benefit: str = ""
    amount: float | None = None
    realized: float | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    private: bool = False


# fmt: off
REQUESTS: tuple[RequestSeed, ...] = (
    # Finance: from firefighting to planning.
    RequestSeed(
        key="fin-close-batch", partner="finance", month="2024-12", raised_by=1,
        focus="reactive", status="redirected", value=2, urgency=5,
        title="Fix the month-end batch job failures",
        want="“The close job failed again. Can you get someone on it tonight?”",
        need="A close that runs without heroics: the ERP team owns the job chain and its runbook.",
        routed_to="ERP Platform team (problem management)",
        tags=("close", "s4hana"),
        notes="Third failure since October. Sent it to problem management instead of fixing it "
            "myself; Tobias was not pleased but got a named owner.",
    ),
    RequestSeed(
        key="fin-accrual-macro", partner="finance", month="2025-01", raised_by=1,
        focus="routine", status="reframed", value=2, urgency=3,
        title="Another Excel macro to spread accruals",
        want="“We need another Excel macro to spread the accruals — Miriam's one only does rent.”",
        reframed_as="fin-accrual-auto",
        tags=("close", "excel"),
    ),
    RequestSeed(
        key="fin-accrual-auto", partner="finance", month="2025-01", raised_by=1,
        focus="strategic", status="benefits_reviewed", value=5, urgency=3,
        title="Automate accrual postings in S/4HANA",
        want="Stop spreading accruals by hand at every close.",
        need="Accruals posted by rules in S/4HANA so the close no longer depends on one person's "
            "spreadsheet; two close days less.",
        benefit="Close two days shorter; about 300 manual journal entries a month fewer (≈ 1.2 "
            "FTE in the close team).",
        delivered_after=152, reviewed_after=118, amount=120000, realized=104000,
        tags=("close", "automation", "s4hana"),
        notes="Tobias signed the realised figure himself — the hours were measured from the close "
            "calendar, not estimated.",
    ),
    RequestSeed(
        key="fin-faster-server", partner="finance", month="2025-02", raised_by=3,
        focus="reactive", status="reframed", value=2, urgency=4,
        title="Faster server for the finance reports",
        want="“Reports are too slow on day 2 of the close; give us a faster server.”",
        reframed_as="fin-report-load",
        tags=("reporting",),
    ),
    RequestSeed(
        key="fin-report-load", partner="finance", month="2025-02", raised_by=4,
        focus="routine", status="delivered", value=3, urgency=4,
        title="Start the nightly finance load two hours earlier",
        want="Reports ready by 9:00 on working day 2.",
        need="Reliable numbers by 9:00 on working day 2; the load started after the batch window, "
            "the hardware was fine.",
        delivered_after=41,
        tags=("reporting", "power-bi"),
    ),
    RequestSeed(
        key="fin-ap-dashboard", partner="finance", month="2025-04", raised_by=3,
        focus="routine", status="declined", value=2, urgency=2,
        title="Dashboard of all open invoices",
        want="“Can IT build a dashboard of all open invoices for the AP team?”",
        need="Fewer blocked invoices in the first place.",
        outcome="Declined: Coupa's standard open-items report already shows this (sent Lars the "
            "link and a 20-minute walkthrough). The real issue — goods-receipt timing — is taken "
            "up in the invoice-matching request.",
        tags=("ap", "coupa"),
    ),
    RequestSeed(
        key="fin-invoice-matching", partner="finance", month="2025-05", raised_by=3,
        focus="strategic", status="benefits_reviewed", value=4, urgency=3,
        title="First-time invoice matching (goods-receipt timing)",
        want="Fewer invoices stuck in matching.",
        need="Goods receipts posted the same day in the DCs, so invoices match first time and "
            "suppliers are paid on time.",
        benefit="Match rate from 72 % to 90 %; late-payment fees halved; 0.8 FTE less exception "
            "handling in AP.",
        delivered_after=163, reviewed_after=97, amount=85000, realized=61500.5,
        tags=("ap", "coupa", "ewm"),
        notes="Joint work with Supply Chain (Ben's team posts the receipts). Realisation lower "
            "than planned because Malmö was still on the old WMS.",
    ),
    RequestSeed(
        key="fin-report-licences", partner="finance", month="2025-08", raised_by=2,
        focus="routine", status="deferred", value=2, urgency=2,
        title="Twenty more licences for the reporting tool",
        want="“Every controller needs their own licence.”",
        need="Controllers who can answer the CFO's questions themselves — training and a governed "
            "data model first, seats second.",
        revisit="2026-01-15",
        tags=("reporting", "licences"),
    ),
    RequestSeed(
        key="fin-driver-planning", partner="finance", month="2025-09", raised_by=2,
        focus="strategic", status="delivered", value=5, urgency=3,
        title="Driver-based forecasting in Anaplan",
        want="“We want Anaplan like our competitor has.”",
        need="A forecast the business units own and believe: a driver model agreed with each "
            "unit, then the tool.",
        benefit="Forecast accuracy within ±5 % at business-unit level; 3 weeks less effort per "
            "forecast round in FP&A.",
        delivered_after=355, amount=250000,
        tags=("planning", "anaplan", "fp-and-a"),
        notes="Aylin presented it to the investment board; passed on the first attempt. Value "
            "review planned for early 2027 after the first full forecast round.",
    ),
    RequestSeed(
        key="fin-intercompany", partner="finance", month="2025-11", raised_by=1,
        focus="strategic", status="accepted", value=4, urgency=3,
        title="Intercompany reconciliation in BlackLine",
        want="Stop clearing intercompany differences by e-mail between Hamburg and Gdańsk.",
        need="Intercompany matched automatically, differences resolved in a workflow with owners.",
        benefit="Open intercompany differences down 70 %; a day less in the close.",
        amount=95000,
        tags=("close", "blackline", "intercompany"),
    ),
    RequestSeed(
        key="fin-pbc-list", partner="finance", month="2026-02", raised_by=4,
        focus="routine", status="accepted", value=3, urgency=3,
        title="Audit PBC reconciliations straight from BlackLine",
        want="“The auditors want the PBC list earlier — can BlackLine produce it?”",
        need="Audit evidence produced by the system, not rebuilt by hand every year.",
        tags=("audit", "blackline"),
    ),
    RequestSeed(
        key="fin-bank-fees", partner="finance", month="2026-03", raised_by=4,
        focus="routine", status="delivered", value=2, urgency=2,
        title="Automate bank fee reconciliation",
        want="Bank fees still reconciled by hand from PDF statements.",
        need="Fees booked from the camt.053 statement file automatically.",
        delivered_after=58,
        tags=("treasury", "automation"),
    ),
    RequestSeed(
        key="fin-ops-model", partner="finance", month="2026-05", raised_by=0,
        focus="strategic", status="accepted", value=5, urgency=2,
        title="Finance operating model 2028 — the IT view",
        want="“What does IT think finance should look like in 2028?”",
        need="A shared target picture for finance processes and systems that the FY27–FY28 "
            "investments can be checked against.",
        tags=("strategy", "operating-model"),
    ),
    RequestSeed(
        key="fin-concur-cards", partner="finance", month="2026-06", raised_by=4,
        focus="routine", status="redirected", value=2, urgency=3,
        title="Corporate card feed into Concur for Gdańsk",
        want="Card transactions for the Gdańsk team should appear in Concur automatically.",
        routed_to="Service Desk (standard change)",
        tags=("concur",),
    ),
    RequestSeed(
        key="fin-ssc-tooling", partner="finance", month="2026-07", raised_by=0,
        focus="strategic", status="deferred", value=4, urgency=2,
        title="Review of the Gdańsk shared-service tooling",
        want="“Look at what Gdańsk would need if they took on more of the accounting.”",
        need="Scalable shared-service tooling, if and when the scope grows.",
        revisit="2027-01-15",
        tags=("shared-services",),
        notes="Confidential: Katrin is weighing moving most of accounts payable to Gdańsk. Not "
            "announced; Tobias does not know yet. Parked until she decides.",
        private=True,
    ),
    RequestSeed(
        key="fin-fy27-cost", partner="finance", month="2026-10", raised_by=2,
        focus="strategic", status="new", value=4, urgency=4,
        title="IT cost model for the FY27 budget",
        want="“We need IT's cost per business unit for the FY27 budget by mid-December.”",
        tags=("budget", "fy27"),
    ),
    # Sales & Marketing: a good 2025, then the super-fixer slide.
    RequestSeed(
        key="sales-lead-scoring", partner="sales", month="2025-01", raised_by=1,
        focus="strategic", status="delivered", value=4, urgency=3,
        title="Lead-scoring model for marketing-qualified leads",
        want="“Sales ignores our leads. Can IT help us rank them?”",
        need="Sales and marketing agreeing what a good lead is, then a model that ranks leads by "
            "that definition.",
        benefit="Sales acceptance of MQLs from 33 % to 50 %; +2 points win rate on scored leads.",
        delivered_after=262, amount=180000,
        tags=("leads", "marketo", "data"),
        notes="Delivered in October 2025 before the Q4 campaign. The benefits review is long "
            "overdue — every slot I had with Sophie went to migration fires.",
    ),
    RequestSeed(
        key="sales-pricing", partner="sales", month="2025-04", raised_by=0,
        focus="strategic", status="benefits_reviewed", value=5, urgency=3,
        title="Pricing analytics and discount guardrails in CPQ",
        want="“Show me where we give away margin.”",
        need="Discount guardrails in CPQ with approval only where it matters, and a monthly view "
            "of price realisation by segment.",
        benefit="Price realisation +1.5 points on the DACH business (≈ €240k margin a year).",
        delivered_after=147, reviewed_after=121, amount=240000, realized=198000,
        tags=("pricing", "cpq", "margin"),
        notes="Daniel's “first IT project with a number I believe”.",
    ),
    RequestSeed(
        key="sales-twenty-fields", partner="sales", month="2025-06", raised_by=2,
        focus="routine", status="reframed", value=2, urgency=3,
        title="Twenty new fields on the opportunity screen",
        want="“Add twenty new fields to the opportunity screen so we can forecast properly.”",
        reframed_as="sales-pipeline-hygiene",
        tags=("salesforce", "forecast"),
    ),
    RequestSeed(
        key="sales-pipeline-hygiene", partner="sales", month="2025-06", raised_by=2,
        focus="routine", status="delivered", value=3, urgency=3,
        title="Pipeline hygiene: fewer, mandatory fields with definitions",
        want="A forecast the CCO can trust.",
        need="Five mandatory fields with agreed definitions and a weekly hygiene routine for team "
            "leads.",
        delivered_after=72,
        tags=("salesforce", "forecast"),
    ),
    RequestSeed(
        key="sales-us-crm", partner="sales", month="2025-09", raised_by=3,
        focus="strategic", status="declined", value=2, urgency=3,
        title="Separate CRM for the US sales team",
        want="“Buy the US team their own CRM — Salesforce is too slow for us.”",
        need="US reps need a faster mobile quote flow.",
        outcome="Declined: a second CRM splits the customer view and doubles licences. Offered "
            "instead the mobile quote flow (separate request) and a US key user with admin "
            "training.",
        tags=("us", "salesforce", "shadow-it"),
    ),
    RequestSeed(
        key="sales-mobile-quote", partner="sales", month="2025-09", raised_by=3,
        focus="strategic", status="accepted", value=3, urgency=3,
        title="Mobile quote flow for the US reps",
        want="Quotes from the phone at the customer's site.",
        need="Quote turnaround under four hours for US field reps.",
        benefit="About 6 more quotes per rep a month; faster response in competitive deals.",
        amount=60000,
        tags=("us", "cpq", "mobile"),
        notes="Stalled since the CRM migration took all of the platform team's capacity.",
    ),
    RequestSeed(
        key="sales-crm-migration", partner="sales", month="2026-01", raised_by=0,
        focus="strategic", status="delivered", value=4, urgency=3,
        title="CRM migration to a single Salesforce org",
        want="One CRM org for Europe and the US.",
        need="One customer view and one set of licences; the base for the one-customer-view "
            "initiative with Customer Service.",
        benefit="€70k a year licence savings; one customer view across EU and US.",
        delivered_after=186, amount=70000,
        tags=("salesforce", "migration"),
        notes="Delivered, technically. The weeks after cut-over were the worst of my year with "
            "Sales. Benefits review due and not done.",
    ),
    RequestSeed(
        key="sales-order-interface", partner="sales", month="2026-07", raised_by=2,
        focus="reactive", status="redirected", value=3, urgency=5,
        title="Order interface drops updates — fix it now",
        want="“Orders from the CRM don't reach the ERP. Fix it now.”",
        routed_to="CRM Platform team (major incident)",
        tags=("incident", "integration"),
    ),
    RequestSeed(
        key="sales-duplicates", partner="sales", month="2026-07", raised_by=4,
        focus="reactive", status="accepted", value=3, urgency=4,
        title="Clean up duplicate accounts after the migration",
        want="Inside sales calls the same customer twice.",
        need="A merge run plus a duplicate rule at entry, so it does not come back.",
        tags=("salesforce", "data-quality"),
    ),
    RequestSeed(
        key="sales-quote-pdf", partner="sales", month="2026-08", raised_by=2,
        focus="routine", status="reframed", value=1, urgency=3,
        title="Make the quote PDF look better",
        want="“Customers complain about our quotes; make the PDF prettier.”",
        reframed_as="sales-quote-turnaround",
        tags=("cpq",),
    ),
    RequestSeed(
        key="sales-quote-turnaround", partner="sales", month="2026-08", raised_by=2,
        focus="strategic", status="deferred", value=4, urgency=3,
        title="Quote turnaround under 24 hours",
        want="Customers wait too long for quotes.",
        need="Quote turnaround under 24 hours: remove the ERP price lookup from the approval path.",
        benefit="Win rate +1 point on quoted deals (≈ €150k margin a year).",
        revisit="2027-01-11", amount=150000,
        tags=("cpq", "quote-to-order"),
        notes="Parked until the migration clean-up is done — Daniel agreed, reluctantly.",
    ),
    RequestSeed(
        key="sales-monday-list", partner="sales", month="2026-09", raised_by=2,
        focus="routine", status="redirected", value=1, urgency=2,
        title="Weekly export of all customers",
        want="“Send us a list of all customers every Monday.”",
        need="Territory planning with live data.",
        routed_to="Data & Analytics (self-service report)",
        tags=("reporting",),
    ),
    RequestSeed(
        key="sales-pipeline-report", partner="sales", month="2026-10", raised_by=2,
        focus="reactive", status="new", value=3, urgency=5,
        title="Pipeline report wrong again",
        want="“The pipeline report shows last week's numbers. Daniel needs it for Monday.”",
        tags=("reporting", "incident"),
    ),
    RequestSeed(
        key="sales-engagement-tool", partner="sales", month="2026-10", raised_by=3,
        focus="reactive", status="new", value=2, urgency=4,
        title="Approve the US sales-engagement tool",
        want="“We started a trial; we need IT to approve it and connect it to Salesforce.”",
        tags=("us", "shadow-it", "security"),
        notes="Confidential: Jennifer signed a 12-month contract before asking; Daniel does not "
            "know the amount yet. Handle with Security before this becomes a fight.",
        private=True,
    ),
    RequestSeed(
        key="sales-marketo-sync", partner="sales", month="2026-11", raised_by=1,
        focus="reactive", status="new", value=3, urgency=4,
        title="Marketo–Salesforce sync errors",
        want="“Since the migration, campaign members don't sync.”",
        tags=("marketo", "integration"),
    ),
    # Supply Chain: the steady strategic partner.
    RequestSeed(
        key="sup-demand-planning", partner="supply", month="2025-01", raised_by=1,
        focus="strategic", status="benefits_reviewed", value=5, urgency=3,
        title="Demand-planning pilot on the new platform",
        want="“Our forecast is a statistical model from 2016. Help us test something better.”",
        need="Lower inventory at the same service level: a pilot on 200 SKUs, measured against "
            "the old model.",
        benefit="Inventory on pilot SKUs −8 % at equal OTIF; scaled to all SKUs ≈ €400k "
            "working-capital benefit a year.",
        delivered_after=148, reviewed_after=122, amount=400000, realized=352000,
        tags=("demand-planning", "inventory"),
    ),
    RequestSeed(
        key="sup-scanners", partner="supply", month="2025-02", raised_by=2,
        focus="routine", status="reframed", value=2, urgency=3,
        title="Forty more scanners for Billbrook",
        want="“We need forty more scanners; pickers are waiting.”",
        reframed_as="sup-reslotting",
        tags=("ewm", "hardware"),
    ),
    RequestSeed(
        key="sup-reslotting", partner="supply", month="2025-02", raised_by=2,
        focus="strategic", status="benefits_reviewed", value=4, urgency=3,
        title="Re-slot fast movers in Billbrook (EWM)",
        want="Pickers are waiting.",
        need="Shorter pick paths: fast movers near the dispatch zone, slotting reviewed monthly.",
        benefit="Pick rate +8 % in Billbrook; avoided buying 40 scanners (€65k).",
        delivered_after=88, reviewed_after=101, amount=65000, realized=58000,
        tags=("ewm", "slotting"),
    ),
    RequestSeed(
        key="sup-control-tower", partner="supply", month="2025-04", raised_by=0,
        focus="strategic", status="reframed", value=3, urgency=2,
        title="Buy a supply-chain control tower",
        want="“Every big competitor has a control tower. We should buy one.”",
        reframed_as="sup-late-orders",
        tags=("control-tower",),
    ),
    RequestSeed(
        key="sup-late-orders", partner="supply", month="2025-04", raised_by=1,
        focus="strategic", status="benefits_reviewed", value=4, urgency=3,
        title="Shared view of late orders across DCs and carriers",
        want="Planners chase order status by phone.",
        need="Planners act on exceptions: one view of late orders across the three DCs and the "
            "carriers, built on what we have.",
        benefit="OTIF +2 points; 1.5 FTE of status chasing freed in planning.",
        delivered_after=201, reviewed_after=108, amount=150000, realized=171000,
        tags=("control-tower", "otif", "visibility"),
        notes="Over-delivered: the carriers' EDI feeds made the view better than planned.",
    ),
    RequestSeed(
        key="sup-edi-carriers", partner="supply", month="2025-06", raised_by=3,
        focus="routine", status="delivered", value=3, urgency=3,
        title="Onboard the remaining carriers to the EDI hub",
        want="Nine carriers still send status by e-mail.",
        need="All carriers on EDI so the late-order view is complete.",
        delivered_after=118,
        tags=("edi", "carriers"),
    ),
    RequestSeed(
        key="sup-malmo-wms", partner="supply", month="2025-08", raised_by=2,
        focus="strategic", status="benefits_reviewed", value=4, urgency=3,
        title="Malmö cut-over to SAP EWM",
        want="Malmö is the last DC on the old WMS.",
        need="One warehouse process across all DCs; the old WMS switched off.",
        benefit="Old WMS licence and support (€90k a year) switched off; one process template.",
        delivered_after=221, reviewed_after=149, amount=90000, realized=90000,
        tags=("ewm", "malmo", "cut-over"),
    ),
    RequestSeed(
        key="sup-forklift-demo", partner="supply", month="2025-10", raised_by=4,
        focus="routine", status="declined", value=1, urgency=1,
        title="Vendor demo of autonomous forklifts",
        want="“A vendor offered a free demo of autonomous forklifts; can IT organise it?”",
        outcome="Declined for IT: this is an operations investment, not an IT one. Pointed Oliver "
            "to the network study, where automation is one of the options being assessed.",
        tags=("automation",),
    ),
    RequestSeed(
        key="sup-co2", partner="supply", month="2025-11", raised_by=3,
        focus="strategic", status="delivered", value=4, urgency=4,
        title="CO₂ per shipment for customer tenders",
        want="“Customers ask for CO₂ figures in tenders; we need a dashboard.”",
        need="A defensible CO₂ figure per shipment, method agreed with Sustainability, that wins "
            "tenders.",
        benefit="Qualify for tenders that require CO₂ data (≈ €1.2m revenue at stake a year; "
            "counted as €120k margin).",
        delivered_after=168, amount=120000,
        tags=("co2", "sustainability", "tenders"),
        notes="Benefits review is due; Nina wants to wait for the Q4 tender results. Book it for "
            "January at the latest.",
    ),
    RequestSeed(
        key="sup-driver-app", partner="supply", month="2026-01", raised_by=3,
        focus="routine", status="reframed", value=2, urgency=3,
        title="An app for the drivers",
        want="“Our drivers need an app.”",
        reframed_as="sup-pod",
        tags=("fleet", "mobile"),
    ),
    RequestSeed(
        key="sup-pod", partner="supply", month="2026-01", raised_by=3,
        focus="strategic", status="accepted", value=4, urgency=3,
        title="Same-day proof of delivery to customer and billing",
        want="Proof of delivery arrives days late.",
        need="Proof of delivery reaching the customer and billing the same day; fewer disputes.",
        benefit="Invoice disputes −30 %; DSO −2 days.",
        amount=75000,
        tags=("fleet", "billing", "pod"),
    ),
    RequestSeed(
        key="sup-tms", partner="supply", month="2026-03", raised_by=3,
        focus="strategic", status="deferred", value=4, urgency=2,
        title="Replace the transport management system",
        want="“The TMS is old; let's replace it.”",
        need="Decide after the 2027 network study — the network design drives the requirements.",
        revisit="2027-03-01",
        tags=("tms", "network-study"),
    ),
    RequestSeed(
        key="sup-yard-duisburg", partner="supply", month="2026-04", raised_by=2,
        focus="routine", status="accepted", value=3, urgency=3,
        title="Yard management app for Duisburg",
        want="Trucks wait at the Duisburg gate.",
        need="Dock-to-stock time in Duisburg as short as in Billbrook.",
        tags=("yard", "duisburg"),
    ),
    RequestSeed(
        key="sup-scanner-battery", partner="supply", month="2026-06", raised_by=2,
        focus="reactive", status="redirected", value=2, urgency=4,
        title="Scanner batteries die mid-shift",
        want="“Batteries die after five hours.”",
        routed_to="Workplace Services (hardware)",
        tags=("hardware",),
    ),
    RequestSeed(
        key="sup-network-study", partner="supply", month="2026-09", raised_by=0,
        focus="strategic", status="accepted", value=5, urgency=3,
        title="IT in the core team of the 2027 network study",
        want="“We want IT at the table from day one of the network study.”",
        need="Network options assessed with their system consequences, not discovered after the "
            "decision.",
        tags=("network-study", "strategy"),
    ),
    RequestSeed(
        key="sup-promo-forecast", partner="supply", month="2026-10", raised_by=1,
        focus="strategic", status="new", value=4, urgency=2,
        title="Try an AI model for promotion forecasts",
        want="“Promotions are where our forecast is worst. Could a model help?”",
        tags=("demand-planning", "ai"),
    ),
    # HR: the order taker.
    RequestSeed(
        key="hr-laptop-stock", partner="hr", month="2025-01", raised_by=1,
        focus="routine", status="reframed", value=2, urgency=4,
        title="Keep 30 laptops in stock for new starters",
        want="“Order 30 laptops in stock, just in case.”",
        reframed_as="hr-onboarding-data",
        tags=("onboarding", "hardware"),
    ),
    RequestSeed(
        key="hr-onboarding-data", partner="hr", month="2025-02", raised_by=1,
        focus="strategic", status="delivered", value=4, urgency=4,
        title="Hiring data to IT five days before the start date",
        want="New starters wait three days for laptops and accounts.",
        need="New starters productive on day one: hiring data flows from Workday to IT five "
            "working days before the start.",
        benefit="Day-one readiness from 45 % to 90 %; about one productive day more per new "
            "starter (≈ 220 starters a year).",
        delivered_after=271, amount=55000.5,
        tags=("onboarding", "workday"),
        notes="Delivered in November 2025. Nobody in HR asked about the benefit; I haven't gone "
            "back either. Should.",
    ),
    RequestSeed(
        key="hr-headcount-report", partner="hr", month="2025-03", raised_by=3,
        focus="routine", status="reframed", value=1, urgency=3,
        title="Another headcount report in Workday",
        want="“Claudia needs a headcount report that matches Finance's numbers.”",
        reframed_as="hr-headcount-definition",
        tags=("workday", "reporting"),
    ),
    RequestSeed(
        key="hr-headcount-definition", partner="hr", month="2025-03", raised_by=3,
        focus="routine", status="delivered", value=3, urgency=3,
        title="One agreed headcount definition for HR and Finance",
        want="Three reports, three numbers.",
        need="One definition agreed by HR and Finance, one report built on it, two retired.",
        delivered_after=87,
        tags=("workday", "reporting"),
    ),
    RequestSeed(
        key="hr-password-resets", partner="hr", month="2025-04", raised_by=1,
        focus="reactive", status="redirected", value=1, urgency=4,
        title="Password resets for payroll users",
        want="“Payroll staff are locked out every Monday.”",
        routed_to="Service Desk",
        tags=("access",),
    ),
    RequestSeed(
        key="hr-training-reminders", partner="hr", month="2025-05", raised_by=1,
        focus="routine", status="declined", value=1, urgency=2,
        title="IT to send the training reminder e-mails",
        want="“Make IT send the reminders for the security training.”",
        need="Managers who see their team's completion.",
        outcome="Declined: reminders from IT get ignored. Rafael builds a completion view for "
            "managers in Workday instead; HR owns the follow-up.",
        tags=("training",),
    ),
    RequestSeed(
        key="hr-recruiting-link", partner="hr", month="2025-06", raised_by=2,
        focus="routine", status="deferred", value=3, urgency=2,
        title="Connect the recruiting tool to Workday",
        want="“Candidates should appear in Workday when they sign.”",
        need="No re-typing of new hires; and candidate data out of e-mail attachments.",
        revisit="2025-10-01",
        tags=("recruiting", "workday", "integration"),
        notes="Waiting for the security review of the recruiting tool. Revisit date passed — "
            "Leonie has not raised it again.",
    ),
    RequestSeed(
        key="hr-badge-printer", partner="hr", month="2025-09", raised_by=1,
        focus="reactive", status="redirected", value=1, urgency=3,
        title="Badge printer at reception broken",
        want="“New starters get no badge because the printer is broken.”",
        routed_to="Facilities",
        tags=("onboarding",),
    ),
    RequestSeed(
        key="hr-payroll-cutoff", partner="hr", month="2025-10", raised_by=3,
        focus="reactive", status="delivered", value=3, urgency=4,
        title="Payroll interface misses changes after the cut-off",
        want="Contract changes entered late don't reach payroll.",
        need="Late changes flagged and sent in a second run instead of corrected next month.",
        delivered_after=63,
        tags=("payroll", "integration"),
    ),
    RequestSeed(
        key="hr-lms-sso", partner="hr", month="2026-01", raised_by=3,
        focus="routine", status="delivered", value=2, urgency=2,
        title="Single sign-on for the learning platform",
        want="Another password for the learning platform.",
        delivered_after=47,
        tags=("learning", "sso"),
    ),
    RequestSeed(
        key="hr-chatbot", partner="hr", month="2026-03", raised_by=0,
        focus="strategic", status="declined", value=2, urgency=2,
        title="HR chatbot for policy questions",
        want="“We want a chatbot for HR questions like Customer Service has.”",
        need="Fewer repetitive questions to HR Ops.",
        outcome="Not now: the policy content is outdated and has no owner; a bot would repeat "
            "wrong answers. Revisit when Customer Service's knowledge-base work shows how much "
            "upkeep it takes.",
        tags=("chatbot", "policies"),
    ),
    RequestSeed(
        key="hr-hotline-numbers", partner="hr", month="2026-05", raised_by=1,
        focus="routine", status="redirected", value=1, urgency=2,
        title="Teams phone numbers for the HR hotline",
        want="A hotline number that reaches whoever is on duty.",
        routed_to="Collaboration Platform team",
        tags=("teams", "telephony"),
    ),
    RequestSeed(
        key="hr-reorg-access", partner="hr", month="2026-06", raised_by=0,
        focus="routine", status="deferred", value=3, urgency=3,
        title="Access changes for the Logistics reorganisation",
        want="“Prepare the access changes for the new Logistics structure.”",
        revisit="2026-12-01",
        tags=("access", "reorganisation"),
        notes="Confidential: the Logistics restructuring is not announced; about 30 roles move. "
            "Only Claudia, Henrik and I know. Nothing goes to the service desk before the "
            "announcement.",
        private=True,
    ),
    RequestSeed(
        key="hr-skills-data", partner="hr", month="2026-09", raised_by=0,
        focus="strategic", status="accepted", value=4, urgency=3,
        title="Skills data for the 2027 workforce plan",
        want="“Can IT tell us which skills we have?”",
        need="A hiring plan based on skills gaps: skills captured in Workday, a gap view per "
            "function.",
        benefit="About 15 % fewer external hires for roles that can be filled by reskilling (≈ "
            "€140k recruiting cost a year).",
        amount=140000,
        tags=("workforce-plan", "skills", "workday"),
    ),
    RequestSeed(
        key="hr-onboarding-portal", partner="hr", month="2026-10", raised_by=1,
        focus="strategic", status="new", value=3, urgency=2,
        title="Onboarding portal for new starters",
        want="“New starters should see everything in one place before day one.”",
        tags=("onboarding",),
    ),
    RequestSeed(
        key="hr-shared-mailbox", partner="hr", month="2026-11", raised_by=3,
        focus="routine", status="new", value=1, urgency=2,
        title="Shared mailbox for HR Operations",
        want="“We need a shared mailbox for HR Ops.”",
        tags=("mail",),
    ),
    # Legal & Compliance: from ad hoc to service provider.
    RequestSeed(
        key="leg-nis2", partner="legal", month="2025-03", raised_by=1,
        focus="reactive", status="delivered", value=4, urgency=5,
        title="Close the NIS2 gap-analysis findings",
        want="“The gap analysis lists 23 findings; the board wants them closed.”",
        need="Evidence that the controls work, not only that they exist on paper.",
        delivered_after=204,
        tags=("nis2", "audit"),
    ),
    RequestSeed(
        key="leg-delete-mailboxes", partner="legal", month="2025-04", raised_by=3,
        focus="routine", status="reframed", value=2, urgency=3,
        title="Delete old mailboxes",
        want="“IT should delete the mailboxes of people who left.”",
        reframed_as="leg-retention",
        tags=("retention", "m365"),
    ),
    RequestSeed(
        key="leg-retention", partner="legal", month="2025-04", raised_by=2,
        focus="strategic", status="delivered", value=4, urgency=3,
        title="Retention rules applied in Microsoft 365",
        want="Mailboxes and files kept forever.",
        need="Retention rules applied by policy in Microsoft 365 — Legal owns the rules, IT the "
            "mechanics.",
        benefit="Audit finding closed; e-discovery effort and storage cost down (≈ €35k a year).",
        delivered_after=423, amount=35000,
        tags=("retention", "m365", "purview"),
    ),
    RequestSeed(
        key="leg-ediscovery", partner="legal", month="2025-05", raised_by=0,
        focus="reactive", status="delivered", value=3, urgency=5,
        title="Urgent e-discovery export for a litigation hold",
        want="“We need all mail of three people since 2022 by Friday.”",
        delivered_after=4,
        tags=("ediscovery", "litigation"),
        notes="Confidential: dispute with a former distributor in Austria. Names stay out of "
            "tickets; I handled the request with the Security Office directly.",
        private=True,
    ),
    RequestSeed(
        key="leg-contract-system", partner="legal", month="2025-06", raised_by=0,
        focus="strategic", status="reframed", value=3, urgency=3,
        title="Contract management system",
        want="“We need a contract management system.”",
        reframed_as="leg-renewal-alerts",
        tags=("contracts",),
    ),
    RequestSeed(
        key="leg-renewal-alerts", partner="legal", month="2025-06", raised_by=3,
        focus="strategic", status="benefits_reviewed", value=4, urgency=4,
        title="Renewal alerts for the top 200 supplier contracts",
        want="Never again an auto-renewal nobody saw.",
        need="Notice dates of the contracts that matter captured and alerted 90 days ahead, "
            "starting with the top 200 suppliers.",
        benefit="No missed notice dates; avoided unwanted auto-renewals (≈ €60k a year).",
        delivered_after=236, reviewed_after=121, amount=60000, realized=48000,
        tags=("contracts", "renewals"),
    ),
    RequestSeed(
        key="leg-dashboard", partner="legal", month="2025-07", raised_by=1,
        focus="strategic", status="reframed", value=3, urgency=2,
        title="Compliance dashboard for the audit committee",
        want="“Give us a compliance dashboard.”",
        reframed_as="leg-evidence",
        tags=("audit", "dashboard"),
    ),
    RequestSeed(
        key="leg-whistleblowing-sso", partner="legal", month="2025-09", raised_by=3,
        focus="routine", status="redirected", value=2, urgency=2,
        title="Single sign-on for the whistleblowing platform case handlers",
        want="Case handlers need a separate password today.",
        routed_to="Identity & Access team",
        tags=("sso",),
    ),
    RequestSeed(
        key="leg-evidence", partner="legal", month="2025-10", raised_by=1,
        focus="strategic", status="accepted", value=4, urgency=3,
        title="Collect audit evidence once and reuse it",
        want="Every audit is a three-week scramble.",
        need="Evidence collected once per control, reused for NIS2, ISO and customer audits; the "
            "dashboard is a by-product.",
        benefit="Audit preparation from three weeks to one; about 40 person-days a year.",
        amount=40000,
        tags=("audit", "nis2", "evidence"),
    ),
    RequestSeed(
        key="leg-translation", partner="legal", month="2025-11", raised_by=3,
        focus="routine", status="declined", value=2, urgency=2,
        title="Online translation tool for contracts",
        want="“Can we use the free online translator for contracts?”",
        outcome="Declined: consumer tools send contract text outside the EU. The licensed "
            "translator in Microsoft 365 covers it; Jonas gets a 30-minute walkthrough.",
        tags=("translation", "data-protection"),
    ),
    RequestSeed(
        key="leg-dpia-ai", partner="legal", month="2026-02", raised_by=2,
        focus="routine", status="delivered", value=3, urgency=4,
        title="Technical description for the AI assistant DPIA",
        want="Elena needs the data flows of the AI assistant pilot.",
        delivered_after=26,
        tags=("dpia", "ai"),
    ),
    RequestSeed(
        key="leg-attestations", partner="legal", month="2026-04", raised_by=1,
        focus="routine", status="deferred", value=2, urgency=2,
        title="Attestation reminders in the policy portal",
        want="“Employees should confirm they read the new policies.”",
        revisit="2026-12-15",
        tags=("policies",),
    ),
    RequestSeed(
        key="leg-ai-policy", partner="legal", month="2026-10", raised_by=0,
        focus="strategic", status="accepted", value=4, urgency=3,
        title="Co-write the AI usage policy",
        want="“We want IT to co-write the AI usage policy.”",
        need="A policy people can follow: what data may go into which AI tool, with examples.",
        tags=("ai", "policies"),
    ),
    # Customer Service: strong, knocked back by the outage, recovering.
    RequestSeed(
        key="cs-platform", partner="service", month="2025-01", raised_by=0,
        focus="strategic", status="benefits_reviewed", value=5, urgency=4,
        title="Replace the contact-centre platform",
        want="“The old telephony drops calls and we can't see queues.”",
        need="Customers reach an agent who can help: cloud telephony with queue visibility and "
            "case management in one place.",
        benefit="Abandoned calls −30 %; €300k a year from fewer repeat contacts and retired "
            "systems.",
        delivered_after=139, reviewed_after=124, amount=300000, realized=276500,
        tags=("telephony", "platform"),
    ),
    RequestSeed(
        key="cs-bigger-screens", partner="service", month="2025-03", raised_by=1,
        focus="routine", status="reframed", value=2, urgency=3,
        title="Bigger screens for every agent",
        want="“Agents need bigger screens — they have too many windows open.”",
        reframed_as="cs-orders-in-case",
        tags=("agent-desktop",),
    ),
    RequestSeed(
        key="cs-orders-in-case", partner="service", month="2025-03", raised_by=2,
        focus="strategic", status="benefits_reviewed", value=4, urgency=3,
        title="Customer orders shown inside the case",
        want="Agents switch between four applications.",
        need="Less screen switching: the customer's orders and deliveries shown inside the case.",
        benefit="Average handle time −40 seconds (≈ €110k a year in agent time).",
        delivered_after=176, reviewed_after=110, amount=110000, realized=82000,
        tags=("agent-desktop", "aht"),
    ),
    RequestSeed(
        key="cs-wallboards", partner="service", month="2025-05", raised_by=1,
        focus="routine", status="declined", value=1, urgency=2,
        title="Wallboards for the Hamburg floor",
        want="“We want big wallboards with the queue figures.”",
        outcome="Declined as an IT project: the platform already has live dashboards. Facilities "
            "mounts two TVs; Patrick's team leads pick the view.",
        tags=("floor",),
    ),
    RequestSeed(
        key="cs-softphone", partner="service", month="2025-08", raised_by=3,
        focus="reactive", status="redirected", value=2, urgency=4,
        title="Softphone re-logins in Charlotte",
        want="“Agents have to log in again several times per shift.”",
        routed_to="Contact Centre Platform team",
        tags=("telephony", "us"),
    ),
    RequestSeed(
        key="cs-chatbot", partner="service", month="2025-11", raised_by=0,
        focus="strategic", status="reframed", value=3, urgency=2,
        title="Buy a chatbot",
        want="“Everybody has a chatbot. Let's buy one.”",
        reframed_as="cs-knowledge",
        tags=("chatbot",),
    ),
    RequestSeed(
        key="cs-knowledge", partner="service", month="2025-11", raised_by=2,
        focus="strategic", status="benefits_reviewed", value=4, urgency=3,
        title="Knowledge base clean-up with owners",
        want="Agents can't find answers.",
        need="A maintained knowledge base with an owner per topic — the base for any bot.",
        benefit="First-contact resolution +3 points (≈ €150k a year in avoided repeat contacts).",
        delivered_after=187, reviewed_after=124, amount=150000, realized=97500.5,
        tags=("knowledge", "fcr"),
    ),
    RequestSeed(
        key="cs-ivr-languages", partner="service", month="2026-02", raised_by=4,
        focus="routine", status="deferred", value=2, urgency=2,
        title="Polish and Turkish in the IVR",
        want="“Add two languages to the IVR.”",
        revisit="2026-09-30",
        tags=("ivr",),
    ),
    RequestSeed(
        key="cs-second-provider", partner="service", month="2026-04", raised_by=0,
        focus="reactive", status="reframed", value=3, urgency=5,
        title="Second telephony provider as backup",
        want="“We need a second telephony provider. This can never happen again.”",
        reframed_as="cs-fallback",
        tags=("outage", "telephony"),
    ),
    RequestSeed(
        key="cs-fallback", partner="service", month="2026-04", raised_by=0,
        focus="strategic", status="benefits_reviewed", value=5, urgency=5,
        title="Tested fallback routing and status banner",
        want="Never again two days without phones.",
        need="Agents keep serving customers when telephony fails: fallback routing to mobiles, a "
            "status banner on the website, tested twice a year.",
        benefit="Protects ≈ €90k a year in lost orders and overtime from a repeat outage.",
        delivered_after=78, reviewed_after=96, amount=90000, realized=90000,
        tags=("outage", "resilience"),
        notes="Reviewed after the first live failover test in October: 4 minutes to switch.",
    ),
    RequestSeed(
        key="cs-service-credits", partner="service", month="2026-04", raised_by=0,
        focus="reactive", status="redirected", value=2, urgency=3,
        title="Service credits from the telephony vendor",
        want="“The vendor must pay for the outage.”",
        routed_to="Vendor Management",
        tags=("outage", "vendor"),
    ),
    RequestSeed(
        key="cs-call-analytics", partner="service", month="2026-05", raised_by=1,
        focus="routine", status="deferred", value=3, urgency=2,
        title="Speech analytics for call quality",
        want="“We want to analyse calls automatically for quality.”",
        revisit="2027-02-01",
        tags=("quality", "analytics"),
        notes="Confidential: the works council has not been informed; Patrick wants to use it for "
            "individual performance. Not without the works council and the DPO.",
        private=True,
    ),
    RequestSeed(
        key="cs-chatbot-pilot", partner="service", month="2026-06", raised_by=2,
        focus="strategic", status="delivered", value=4, urgency=3,
        title="Chatbot pilot on simple questions",
        want="Try the bot on the 50 most common simple questions.",
        need="Fewer simple calls, answered from the maintained knowledge base.",
        benefit="15 % of simple questions self-served (≈ €80k a year in agent time).",
        delivered_after=97, amount=80000,
        tags=("chatbot", "self-service"),
    ),
    RequestSeed(
        key="cs-forecast-feed", partner="service", month="2026-09", raised_by=4,
        focus="routine", status="accepted", value=3, urgency=3,
        title="Order-volume feed for call forecasting",
        want="“Yusuf needs next week's order volumes to plan shifts.”",
        tags=("workforce-planning",),
    ),
    RequestSeed(
        key="cs-chatbot-rollout", partner="service", month="2026-10", raised_by=2,
        focus="strategic", status="new", value=4, urgency=3,
        title="Business case for the chatbot roll-out",
        want="“The pilot worked. Roll it out to all queues.”",
        tags=("chatbot", "business-case"),
    ),
    RequestSeed(
        key="cs-survey-tool", partner="service", month="2026-11", raised_by=1,
        focus="routine", status="new", value=2, urgency=2,
        title="New survey tool for CSAT",
        want="“The CSAT survey tool is clunky; can we get another one?”",
        tags=("csat",),
    ),
    # Retail Operations (archived): the unit that was merged away.
    RequestSeed(
        key="ret-wifi", partner="retail", month="2024-12", raised_by=2,
        focus="reactive", status="redirected", value=2, urgency=4,
        title="Store Wi-Fi keeps dropping",
        want="“The Wi-Fi in Wandsbek drops every Saturday.”",
        routed_to="Network Ops",
        tags=("wifi",),
    ),
    RequestSeed(
        key="ret-new-tills", partner="retail", month="2025-01", raised_by=0,
        focus="strategic", status="reframed", value=3, urgency=3,
        title="New tills for every counter",
        want="“Replace all tills in the 38 counters.”",
        reframed_as="ret-offline-mode",
        tags=("pos",),
    ),
    RequestSeed(
        key="ret-offline-mode", partner="retail", month="2025-01", raised_by=1,
        focus="strategic", status="deferred", value=3, urgency=3,
        title="Offline mode on the existing tills",
        want="Sales stop when the network does.",
        need="Counters keep selling during network outages.",
        revisit="2025-07-01",
        tags=("pos", "resilience"),
        notes="Handed over to Sales & Marketing with the reorganisation.",
    ),
    RequestSeed(
        key="ret-counter-app", partner="retail", month="2025-04", raised_by=2,
        focus="routine", status="declined", value=2, urgency=2,
        title="New features for the counter ordering app",
        want="“Customers want to reorder from their history.”",
        outcome="Declined before the reorganisation: the app will be replaced by the web shop "
            "under Sales & Marketing. Kai was told who to talk to there.",
        tags=("counter-app",),
    ),
)
# fmt: on

# --- Glue between requests and meetings ------------------------------------------------------

STATUS_NOTES: dict[str, tuple[str, ...]] = {
    "new": (
        "Not triaged yet. Questions for {person}: who benefits, by when, and what happens if we "
        "do nothing?",
        "Logged as asked. Need the why behind it before it goes anywhere near the intake.",
        "Came in by e-mail from {person}; first conversation booked.",
    ),
    "deferred": (
        "Parked with {person}'s agreement; the date is when we look again, not a promise.",
        "Deferred: capacity goes to higher-value work this quarter. {person} knows why.",
    ),
    "redirected": (
        "Not a BRM topic: handed to {routed_to} and told {person} how to go there directly "
        "next time.",
        "Sent to {routed_to}. Checked a week later that it had been picked up.",
        "Redirected to {routed_to} — the right team, and faster than going through me.",
    ),
    "reframed": (
        "Asked why a few times; the real need became “{target}”.",
        "The ask was a solution; we turned it into the need behind it: “{target}”.",
    ),
    "declined": ("Said no, with the reasons and an alternative; {person} accepted it.",),
    "accepted": (
        "In the portfolio intake; {person} is the business owner.",
        "Accepted into the intake after the value/urgency check.",
        "Accepted. Delivery team named; I follow the benefit, not the tasks.",
    ),
    "delivered": (
        "Delivered. Benefits review not yet done.",
        "Live since {delivered}. Next: go back to the business case with {person}.",
    ),
    "benefits_reviewed": (
        "Benefits reviewed with {person}: {realization} of the expected value realised.",
        "Went back to the business case on {reviewed}: {realization} realised.",
    ),
}

RAISED_LINES: tuple[str, ...] = (
    "{person} raised a new request: *{title}*.",
    "New ask from {person}: *{title}*.",
    "Logged a request: *{title}* (from {person}).",
    "{person} brought up *{title}*.",
)

REVIEW_LINES: tuple[str, ...] = (
    "Benefits review of *{title}*: {realized} realised of {expected} expected ({realization}).",
    "Went back to the business case for *{title}* — {realization} of the promised value "
    "({realized} of {expected}).",
)

OVERRIDE_LINES: dict[str, str] = {
    "strategic": "Logged as strategic: it was booked as a {type} but the whole hour went on "
    "where the business is heading.",
    "reactive": "Logged as reactive: booked as a {type}, but it turned into firefighting from "
    "the first minute.",
    "routine": "Logged as routine: booked as a {type}, but it was only status reporting.",
}

RELAYED_LINES: tuple[str, ...] = (
    "{person}'s request came in by e-mail; went through it here: *{title}*.",
    "Talked through a new request from {person}: *{title}*.",
    "Picked up {person}'s ask, forwarded by the team: *{title}*.",
)
