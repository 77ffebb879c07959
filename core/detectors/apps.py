"""Messaging and social apps: handles, invitations to move there, calls outside the
platform, requests for the other side's details, and plain mentions of an app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from presend.core import cues, lexicon, work
from presend.core.draft import REACH, Draft
from presend.core.model import Match
from presend.core.rulepack import vocabulary
from presend.core.scan import (
    WordPattern,
    anchor_offset,
    anchors_of,
    needed_by_any,
    words,
)

_CONTACT_WORDS = (
    r"(?:personal\s+|direct\s+|private\s+|work\s+)?(?:e-?mail(?:\s+address|\s+id)?|"
    r"mail(?:\s+address)|phone(?:\s+number|\s+no\.?)?|mobile(?:\s+number)?|cell(?:\s+number)?|"
    r"(?:contact\s+)?number|whats\s?app(?:\s+number)?|skype(?:\s+id|\s+name)?|telegram|"
    r"discord|signal|viber|wechat|linked\s?in|instagram|insta|facebook|handle|contacts?|"
    r"contact\s+(?:details|info|information)|socials?|address)"
)
# ("jaxon dot codes": a dot or underscore said in words is part of the handle)
_HANDLE = (
    r"(?:live:\.?(?:cid\.)?)?(?:@ ?)?_{0,3}[a-z0-9](?:[\w.\-]{0,30}\w)?"
    r"(?: (?:dot|underscore) [a-z0-9](?:[\w.\-]{0,30}\w)?){0,3}(?:#\d{4})?"
)
#: Every kind of app the vocabulary names.
_ALL_GROUPS = ("messaging", "social", "meeting", "payment")
# A name that reads as a handle: digits, dots or underscores in it ("mike.reynolds_nyc").
_HANDLE_LIKE = r"@?[a-z][a-z0-9]*[._][\w.]*\w|@?[a-z]+\d[\w.]*"
# Someone added to a tool by their address ("add you by email"), not a talk moved.
_ADDED_BY_ADDRESS = re.compile(r"(?:add|invite)\s+(?:you|u|me|him|her|them)\s+by\s+e-?mail\b")
# Words right after an invitation that keep it on the platform.
_ON_PLATFORM_AFTER = re.compile(
    r"[^.!?\n,;]{0,40}?\b(?:(?<!as )(?<!than )(?<!flagged )(?<!seen )(?<!read )(?<!monitored )"
    r"(?<!filtered )(?<!blocked )(?<!tracked )here"
    # "... the fees here are insane", "messages here get flagged": a complaint about the
    # platform, the reason to leave it, not a place to stay
    r"(?<!fees here)(?<!fee here)(?<!filters here)(?<!commission here)(?<!messages here)"
    r"(?<!rules here)(?<!chat here)"
    r"|on upwork|via upwork|through upwork|in upwork|on the platform)\b",
)
# "my LinkedIn is linked on my upwork profile already": an account the platform shows
_ON_PLATFORM_PROFILE = re.compile(
    r"[^.!?\n,;]{0,40}?\b(?:on|in|to) (?:my|your|the) (?:upwork )?(?:profile|portfolio)"
    r"(?: here| on upwork)?(?<!(?:my|ur) profile)(?<!your profile)(?<!the profile)"
    r"(?<!portfolio)\b"
)
# A name with a four-digit tag (Discord's old form), not a numbered thing ("issue#4471").
_TAG = (
    r"(?<![\w#@/.-])(?!(?:issue|pr|ticket|order|invoice|bug|task|item|build|version|step|"
    r"no|page|room|channel|case|ref|job|po|sku|id)#)[a-z][\w.]{1,31}#\d{4}\b(?![\w-])"
)
_HANDLE_STOPWORDS = frozenset(
    (
        "is are was the a an and or me us you it my our your there here great fine good ok "
        "okay better best bot bots app apps api group channel server chat call calls account "
        "number not down blocked banned available instead only too also for to on in with if "
        # what a phone number given after the app starts with: "WhatsApp: country code 61"
        "country area code phone mobile cell plus "
        # what is said of the account, not its name: "my LinkedIn is linked on my profile"
        "linked verified connected attached listed shown visible private public "
        "when please pls thanks thank same works working please sure http https www set run "
        "manage moderate grow build create post join use add make help upwork fiverr "
        "freelancer toptal guru "
        # words that go on the sentence after a dash: "our Slack — until then ..."
        "until till once after before then so but because unless later since we they let"
    ).split()
)


# Short names that, after "my", are the app: "my disc is jaxon", "my tg: @kira".
_MY_NICKS = "disc|dc|tg|wa|whats|insta|fb"


# "talk in WA time": the short name is a state or region there.
_NOT_PLACE = r"(?!\s+(?:time|state|area|office|county|law|residents?)\b)"
#: Before "reply on <app>", what makes it a request to the reader: the sentence's start,
#: "please", "you", "feel free to" (not "customers reply via SMS", work described).
_REPLY_ASKED = re.compile(
    r"(?:^|[.!?\n,;:()\-]|[^\w\s.,'\-]|\b(?:please|pls|plz|kindly|just|you|u|ya|so|"
    r"(?:free|easier|better|faster|quicker|simpler) to|(?:can|could|would|will) (?:you|u))"
    r")\s*$"
)
#: Asking to be answered: "reply", "respond", "answer", "write back", "get back to me".
_REPLY_VERBS = (
    r"(?:reply|replying|respond|responding|answer|answering|write\s+back|get\s+back\s+to)"
)
_REPLY_VERB = re.compile(_REPLY_VERBS)


class _Patterns:
    """Built lazily: the app lists come from the vocabulary file."""

    def __init__(self) -> None:
        chat = cues.app_names("messaging", "social")
        meet = cues.app_names("meeting")
        handle = (
            rf"(?<![\w-])(?P<app>{chat})"
            # "ig / yt -> @name": other apps listed before the handle they share
            rf"(?:\s*[/,&|+]\s*(?:{chat}|[a-z]{{2,3}})\b)" + "{0,3}"
            r"\s*(?:id|handle|user\s?name|user|name|account|acc|no\.?|"
            rf"number|#|contact)?\s*(?P<sep>:|=|\s-|-\s|\u2014|\u2013|is|at|@|->|\u2192|\(|"
            # "Skype, user kelsey.vo.booth": a comma, then the word for the handle
            r",(?=\s*(?:id|handle|user\s?name|user|account)\s+(?:is\s+)?@?[a-z0-9_]*[\d_.]))\s*"
            # "Skype (user: tutor.elena)", "Telegram - username: kira_dev"
            r"(?:(?:id|handle|user\s?name|user|name|account|acc)\s*[:=]\s*|"
            r"(?<=,)\s*(?:id|handle|user\s?name|user|account)\s+(?:is\s+)?|"
            r"(?<=,\s)(?:id|handle|user\s?name|user|account)\s+(?:is\s+)?)?"
            rf"(?P<handle>{_HANDLE})"
        )
        # "add my skype mike.reynolds_nyc", "my IG kate.designs": no separator, but the
        # name reads as a handle.
        bare = (
            # ("add me s k y p e r o b . w e b": the app and the handle after "add me")
            rf"\b(?:my|our|add(?:\s+me)?|the)\s+(?P<app>{chat})\s+(?:id\s+|handle\s+|username\s+)?"
            rf"(?P<handle>{_HANDLE_LIKE})(?![\w@])"
        )
        # "my gmail is the same as my name here, tomhendrix88": an address given by its
        # name part, the provider named before it.
        self.mail_name = re.compile(
            r"\bmy\s+(?:gmail|yahoo|hotmail|outlook|icloud|proton\w*|e-?mail)"
            # ("my gmail, it's sam.okafor91")
            r"(?:\s+(?:id\s+|address\s+)?(?:is|:)|\s*,\s*it(?:'s|\u2019s|\s+is))"
            r"\s+[^.!?\n]{0,40}?\b(?P<id>[a-z][a-z0-9._]*\d[a-z0-9._]*|[a-z]+(?:[._]|\s+dot\s+)[a-z0-9._]+|"
            r"(?<=, )[a-z]{6,30}(?=\s*(?:[-\u2013\u2014,.]|$)))\b"
        )
        # "gmail: kurt.dev99", "Hotmail - anna_k88": the provider as a label, the name after
        # it reads as an address's name part (digits, dots or underscores in it).
        self.mail_label = re.compile(
            r"(?<![\w@.])(?:gmail|yahoo|hotmail|outlook|icloud|proton(?:mail)?)\s*(?:id|address)?"
            # ("gmail is eliha22": "is" as the label's colon)
            r"\s*(?::|=|-|\u2013|\u2014|\s(?:is|=)\s)\s*(?P<id>[a-z][a-z0-9]*[._][a-z0-9._]*[a-z0-9]|"
            r"[a-z]+\d[a-z0-9._]*)\b(?![@.]?[a-z])"
        )
        # "Telegram is better for me: @kostya_devops", "ID is suda.spa2019", "I'm
        # nightowl.dev there": a handle whose app is named in the same sentence.
        # ... "-> @ lucas.edits": a space after the "@" when the name reads as a handle
        at_name = (
            r"(?<![\w@.])@(?:_?[a-z][\w.]{2,30}\w| (?:[a-z][a-z0-9]*[._][\w.]*\w|[a-z]+\d[\w.]*))"
            r"(?![\w@]|\.[a-z])"
        )
        id_is = (
            r"\b(?:id|user\s?name|handle|username)(?:\s+(?:there|on it|on there|everywhere|"
            r"(?:on|for|across) (?:all )?(?:my )?(?:socials|apps|platforms|accounts)|"
            # "viber or line, handle on both is yukitrans": the apps just named
            r"(?:on|for|across) (?:both|either|each|all (?:of them|three|two))(?: of them)?))?\s*"
            # ("ID starts with lily. Then underscore ...": given a piece at a time)
            r"(?:is\s+the\s+same\s*:|is|:|=|(?:starts|begins)\s+with"
            # no sign between when the name reads as one and the ID is the writer's own or
            # to be searched ("search ID linda_sz886", "my ID kate_88"; not "app ID wx_3f2")
            r"|(?:(?<=search id)|(?<=search for id)|(?<=search my id)|(?<=my id)|(?<=our id)"
            r"|(?<=add id)|(?<=find id)|(?<=: id)|(?<=me id))"
            r"(?=\s+@?(?:[a-z][a-z0-9]*[._][\w.]*\w|[a-z]{2,}\d[\w.]*)(?![\w@])))\s*"
            r"@?_?[a-z][\w.\-]{2,30}\w(?:#\d{4})?"
        )
        # ... 'I'm "pixelmaven" there', "my name there is Joana Vieira Designs"
        as_name = (
            rf"\b(?:i'?m|i am|as|search(?:\s+for)?|find)\s+(?:at\s+)?@?(?:{_HANDLE_LIKE}|"
            r"[\"“][a-z][\w.\-]{2,30}[\"”])\s*(?:[\-\u2013\u2014,]\s*)?(?<=\s)"
            rf"(?:there|on\s+(?:the\s+)?(?:{chat})"
            # 'I'm "inkwell.jo" basically everywhere - the bird app, ...': the apps named
            # in the sentence (_app_in_sentence)
            r"|(?:(?:basically|pretty much|almost|just about|literally)\s+)?everywhere)\b|"
            rf"\bmy\s+(?:name|profile(?:\s+name)?|user\s?name)\s+(?:there|on\s+(?:{chat}))\s+is"
            r"(?:\s+[\w.'\-]+){1,4}?(?=\s*(?:[^\w\s.'\-]|$)|\s+(?:and|but|so|it'?s|if|i|we|you)\b)"
        )
        # "my WhatsApp is ...", "our Telegram:" introduce a handle even when it is
        # disguised past what the handle pattern accepts; "my Telegram bot" does not.
        my_app = (
            rf"\b(?:my|our)\s+(?P<app>{chat})\s*(?:id|handle|user\s?name|account|number|no\.?|"
            r"contact|name)?\s*(?::|=|->|\bis\b|"
            # one kept from before: "my WeChat still same: wei_photo", "my discord's still
            # pixelfern" (not "my discord's still down")
            r"\bstill\s+(?:the\s+)?same\b\s*[:=-]?|"
            r"['\u2019]s\s+still\b(?!\s+(?:down|broken|blocked|banned|not|under|in|on|up|"
            r"there|the same|active|open|available|full|new|dead|offline|online)\b))"
        )
        invite = (
            rf"\b(?:{lexicon.alternation(lexicon.words('invite', 'verbs'))})"
            # ("connect with me on ...")
            r"\s+(?:(?:me|us|you|him|her|them|this|it|over|up|later|directly|privately|with|"
            r"(?:this|the|our) (?:conversation|chat|discussion)|"
            # "we can discuss the details on WhatsApp": what is to be talked over there
            r"(?:the|more|further|all the|the rest of the)\s+(?:details|specifics|brief|scope|"
            r"requirements|terms|plan|project|job|idea|rest)|"
            # "connect with our recruiter on LinkedIn": someone of the writer's who hires
            r"(?:our|my)\s+(?:recruiters?|recruiting\s+team|talent\s+(?:team|partner)|"
            r"hiring\s+(?:manager|team)|hr(?:\s+(?:team|manager|lead))?|founder|ceo|cto|coo))"
            r"\s+){0,2}"
            r"(?:on|via|over|through|in|to|at|using|with|by)\s+(?:the\s+|a\s+|my\s+|our\s+)?"
            # "find me on Source-Connect or Skype": the app offered second, after a tool
            # the list has no name for
            r"(?:[a-z][\w-]{1,24}(?:\s*,\s*[a-z][\w-]{1,24})?\s*(?:,\s*)?(?:\bor\b|/)\s*)?"
            rf"(?P<app>{chat}|e-?mail|phone|sms|text)\b"
        )
        # "pls reply on tg", "answer me on WhatsApp instead": the answer asked for
        # elsewhere. Only on/via/over/through/in/by an app (not "reply to the email
        # notification", "answer with text"), and only to the writer.
        reply_on = (
            rf"\b{_REPLY_VERBS}\s+(?:(?:me|us|to me|to us|back|instead|directly|please|pls|plz)\s+)"
            r"{0,2}(?:on|via|over|through|in|by)\s+(?:the\s+|my\s+|our\s+)?"
            rf"(?P<app>{chat}|e-?mail|sms)\b{_NOT_PLACE}"
            # ... not the work's answers: "reply by email to all customer inquiries"
            r"(?!\s+(?:to|for)\s+(?:(?:all|the|our|any|each|every|new|incoming|their)\s+)*"
            r"(?:customers?|clients?|guests?|leads?|buyers?|users?|patients?|students?|fans?|"
            r"followers?|members?|subscribers?|inquiries|enquiries|messages|comments|reviews|"
            r"tickets|dms|questions)\b)"
        )
        # "let's talk on WA": the short name, only where an app would be
        invite_wa = (
            r"\b(?:talk|chat|text|message|msg|reach|contact|ping|continue|connect|call|discuss|"
            r"speak|write)\s+(?:(?:me|us|more|rest|the rest|it|this|details|further)\s+){0,2}"
            rf"(?:on|via|over|in)\s+(?P<app>wa)\b{_NOT_PLACE}"
        )
        # "can we move this to WA?", "chat more freely on tg", "find me on the bird site":
        # an app by a short name or nickname (vocabulary.toml [app_nicknames]), read as
        # one only right after an invitation to talk there.
        nicks = vocabulary()["app_nicknames"]["names"]
        nick = "|".join(
            sorted((re.escape(n).replace(r"\ ", r"\s+") for n in nicks), key=len, reverse=True)
        )
        invite_nick = (
            r"\b(?:(?:talk|chat|text|message|msg|reach|contact|ping|call|dm|pm|hit|find|add|"
            rf"write|speak|connect|catch|hmu|buzz|holla|follow|{_REPLY_VERBS})\s+"
            r"(?:(?:me|us|u|ya|you|up|more|back|"
            r"freely|privately|directly|quickly|instead|later|over)\s+){0,3}|"
            r"(?:move|moving|switch|switching|shift|take|continue|carry on)\s+(?:(?:this|it|"
            r"things|the conversation|the chat|our (?:chat|conversation)|over|us)\s+){1,2}|"
            r"(?:let'?s|can we|could we|shall we|should we|we can|we could|pls|please)\s+"
            r"(?:just\s+)?(?:move|switch|hop|jump)\s+(?:over\s+)?|"
            # "move to tg so the words dont get flagged": the bare command opening a
            # clause (not "the ads move to IG next month")
            r"(?:^|(?<=[.!?,;:(\n])|(?<=[.!?,;:(\n] )|(?<=\n\s))(?:move|switch|hop|jump)\s+"
            r"(?:over\s+)?|"
            # "can we continue on dc?" (not "... on the blue one": a design option)
            r"(?:let'?s|can we|could we|shall we|should we)\s+(?:just\s+)?"
            r"(?:continue|carry on|talk|chat)\s+(?=\w+\s+(?!the\b)))"
            rf"(?:on|via|over|to|at|through|in)\s+(?P<app>{nick})\b{_NOT_PLACE}"
        )
        short = [n for n in nicks if len(n) <= 5]
        # "u on tg?", "r u on ig by any chance?": asked whether the reader is on an app
        # named by its short name, as a question (not "the campaign on IG")
        are_you_on_nick = (
            r"(?:\b(?:are|r)\s+(?:you|u|ya)|(?<![\w'])(?:you|u)|\bru)\s+(?:also\s+|still\s+)?"
            rf"on\s+(?P<app>{'|'.join(short)})\b"
            r"(?=\s*\?|\s+(?:or|by any chance|too|as well|at all)\b)"
        )
        nick_anchors = (
            *(
                f"{at} {n}"
                for n in short
                for at in ("on", "to", "via", "over", "at", "through", "in")
            ),
            *(n for n in nicks if len(n) > 5),
        )
        # "I'll email you tonight", "we'll text you the address": a move announced
        will_reach = (
            r"\b(?:i'?ll|i will|we'?ll|we will|let me|i can|we can|i'?m going to|i am going to|"
            r"gonna|i'?d|i would)\s+(?:just\s+|quickly\s+|also\s+)?"
            r"(?P<app>e-?mail|text|sms|whats\s?app|telegram|viber|signal)\s+(?:you|u|ya)\b"
        )
        # "if you have Telegram, we could continue there", "add me there": the app named
        # in the sentence, the move pointed at it.
        there = (
            r"\b(?:(?:continue|talk|chat|carry on|move|switch|connect|speak|discuss)\s+"
            r"(?:(?:this|it|things|the conversation|more)\s+)?|"
            r"(?:message|text|write|reach|contact|add|find|ping|dm|pm|call)\s+(?:me|us|you|u)\s+|"
            # "you're in our old WhatsApp group - I'll post the list there"
            r"(?:i'?ll|i will|we'?ll|we will|let me)\s+(?:just\s+)?(?:post|share|drop|put|send)\s+"
            r"(?:it|them|this|that|the\s+\w+(?:\s+\w+)?)\s+(?:in\s+|on\s+)?|"
            # "feel free to reply there too"
            r"(?:reply|respond|answer|write back)\s+(?:to\s+(?:me|us)\s+)?|"
            # "we've been on WhatsApp for years, I'll send you the plan there"
            r"(?:send|share|post|drop|forward|pass)\s+(?:(?:it|them|you|u|over)\s+){0,2}"
            r"(?:(?:the|my|a|our|your|some|all\s+the)\s+)?(?:[\w'-]+\s+){0,3}?)(?:over\s+)?there\b"
        )
        app_me = (
            r"\b(?P<app>whats\s?app|telegram|skype|signal|viber|discord|e-?mail|text|sms|"
            r"dm|pm|inbox|mail)\s+(?:me|us)\b"
        )
        drop_line = (
            r"\b(?:shoot|drop|send|give)\s+(?:me|us)\s+(?:an?\s+)?"
            r"(?:e-?mail|text|line|message\s+on\s+\w+|call|ring|dm|whats\s?app)\b"
        )
        are_you_on = (
            # ("are you on the blue encrypted app?": a riddle read after its "the")
            # ("u on telegram?")
            rf"(?:\b(?:are|r)\s+(?:you|u|ya)|(?<![\w'])(?:you|u))\s+(?:also\s+|still\s+)?on\s+"
            rf"(?:the\s+)?(?P<app>{chat})\b|"
            # "Still on the same WhatsApp?"
            r"(?:^|(?<=[.!?\n] )|(?<=[.!?\n]))"
            rf"still\s+on\s+(?:the\s+same\s+)?(?P<app5>{chat})\s*\?|"
            rf"\bdo (?:you|u) (?:have|use)\s+(?:a\s+|an\s+)?(?P<app2>{chat})\b|"
            # "u have whatsapp?", "you got telegram?": the same, asked without "do"
            rf"(?<![\w'])(?:you|u)\s+(?:have|got|use)\s+(?:a\s+|an\s+)?(?P<app4>{chat})\s*\?|"
            r"\b(?:i'?ll be|i will be|i am|i'?m|we are|we'?re|you'?ll find me)\s+(?:also\s+)?"
            # "I'm mostly online on the gamer chat app"
            r"(?:(?:mostly|usually|always|more|often|quite)\s+)?"
            rf"(?:available\s+|reachable\s+|online\s+|active\s+)?on\s+(?:the\s+)?(?P<app3>{chat})\b"
        )
        request = (
            r"\b(?:send|give|share|drop|tell|provide|leave|post|pass|forward|dm|pm|text)\s+"
            rf"(?:me|us)\s+(?:your|ur|a|the)\s+{_CONTACT_WORDS}\b|"
            r"\b(?:what(?:'s| is)|whats|can i (?:get|have)|may i (?:get|have|ask for)|"
            r"could i (?:get|have)|could you (?:share|send|give me)|can you (?:share|send|give me)|"
            rf"do you have)\s+(?:your|ur|a|an)\s+{_CONTACT_WORDS}(?=\s*[?.!,]|\s+(?:so|to|and|"
            r"please|pls|for|in case)\b|\s*$)|"
            rf"\byour\s+{_CONTACT_WORDS}\s*(?:please|pls|plz)\b|"
            r"\b(?:send|email|mail|forward|text)\b[^.!?\n]{0,30}\bto your (?:personal |private )?"
            r"(?:e-?mail|inbox|phone|number|whats\s?app|cell)\b"
        )
        # "what's ur full name there?", "what's your name on LinkedIn?": who the other
        # side is on an app, asked for to find them there.
        name_there = (
            r"\b(?:what'?s|what\s+is)\s+(?:your|ur|yr)\s+(?:full\s+|real\s+|user\s?|display\s+|"
            rf"profile\s+|account\s+)?name\s+(?:(?:over\s+)?there|on\s+(?:there|it|{chat}|{nick}))\b"
        )
        # "we could do this quicker over the phone, whats yours?": their number or handle
        # on an app just named, asked for with "yours".
        yours = (
            rf"\b(?:on|over|via|by|through)\s+(?:the\s+)?(?P<app>phone|{chat})\b[^?!\n]{{0,30}}?"
            r"\b(?:what'?s|what\s+is)\s+yours\b(?!\s+like)"
        )
        meeting = (
            rf"\b(?P<app>{meet})\s+(?:video\s+)?(?:call|meeting|link|invite|invitation|session|"
            r"chat|room|conference|interview)s?\b|"
            rf"\b(?:send|share|schedule|set up|book|arrange|organi[sz]e|have|do|jump on|hop on|"
            rf"join|start)\s+(?:you\s+|me\s+)?(?:a|an|the)\s+(?:quick\s+|short\s+)?(?P<app2>{meet})"
            r"\b|"
            rf"\b(?:on|via|over|through)\s+(?P<app3>zoom|google meet|g\s?meet|webex|facetime|"
            r"whereby|gotomeeting|jitsi)\b|\bbook\s+(?:a\s+)?(?:time|slot|call)\s+(?:on|via|in)\s+"
            r"(?:my\s+)?calendly\b"
        )
        # "so screen readers don't read it": a tool the work's text is made for
        readers = lexicon.alternation([str(w) for w in vocabulary()["software"]["readers"]])
        off_platform = (
            r"\b(?:take|move|continue|carry on|talk|chat|communicate|discuss|work|reach|contact|"
            r"email|call|text|message)\s+"
            # ("chat more, but maybe outside this app")
            r"(?:\w+,?\s+){0,3}"
            r"(?:off|outside(?:\s+of)?)\s+(?:upwork|the platform|this platform|this site|here|"
            r"(?:this|the)\s+(?:app|chat|website|thing))\b|"
            r"\btake\s+(?:this|it|the conversation)\s+(?:offline|elsewhere|somewhere else)\b|"
            # "let's continue this somewhere else", "can we chat elsewhere?": the talk
            # itself moved, not a thing in the work ("move the logo somewhere else")
            r"\b(?:continue|carry on|chat|talk|speak|pick (?:this|it) up)\s+"
            r"(?:(?:this|it|the conversation|our conversation|this conversation|the chat|"
            r"our chat|the discussion|this discussion)\s+)?(?:elsewhere|somewhere else)\b"
            r"(?!\s+(?:in|on|within|inside|later in)\s+(?:the|this|that|your|our|my)\s+"
            r"(?:page|doc|document|file|site|layout|design|code|repo|sheet|section|thread|"
            r"video|script|book|chapter|deck|slide|article|post|app|story))|"
            r"\b(?:discuss|talk|chat)\s+(?:this\s+|it\s+|things\s+)?(?:more\s+)?privately\b|"
            # "let's continue this somewhere less restricted", "move this convo to a place
            # without these filters": the talk moved to a place told by what it lacks, the
            # platform's watch (not "move the shop to a platform with no fees")
            r"\b(?:continue|carry on|move|take|chat|talk|speak|discuss|switch|pick (?:this|it) up)"
            r"\s+(?:(?:this|it|things|us|(?:the|this|our) (?:conversation|convo|chat|discussion|"
            r"talk))\s+)?(?:(?:over\s+)?to\s+|on\s+|in\s+)?(?:somewhere|someplace|some place|"
            r"anywhere|a (?:place|platform|channel|site|space)|an app|another (?:place|app|"
            r"platform|channel|site))\s+(?:else\s+)?(?:(?:that'?s|that is|which is|where "
            r"(?:it'?s|it is|there'?s|there are|there is))\s+)?(?:(?:(?:a\s+)?(?:bit|little|"
            r"much|way|lot)\s+)?less\s+(?:restricted|restrictive|monitored|strict|filtered|"
            r"censored|watched|moderated|policed)|freer|unfiltered|unmonitored|unrestricted|"
            r"uncensored|(?:without|with\s+no|with\s+fewer|no)\s+(?:(?:these|the|those|any|all"
            r"\s+(?:these|the|those)|such|upwork'?s?)\s+)?(?:filters?|restrictions?|"
            r"monitoring|censorship|moderation|flagging|(?:filter\s+)?bots?)|(?:where\s+)?"
            r"(?:we|i|u|you)\s+can\s+(?:talk|speak|chat|write|explain(?:\s+things)?)\s+"
            r"(?:more\s+)?(?:freely|openly))\b"
            r"(?!\s+(?:in|on|of|for|within|inside)\s+(?:the|this|that|your|our|my|each|every)\s+"
            r"(?:[\w-]+\s+)?(?:photos?|images?|pictures?|shots?|videos?|clips?|page|doc|document|"
            r"file|site|layout|design|code|repo|sheet|section|script|app|story|feed|edit|"
            r"version|mockup|preset|layer|folder))|"
            rf"\b(?:so|where|because)\b(?!\s+(?:the\s+|their\s+|our\s+|most\s+)?(?:{readers})\b)"
            r"[^.!?\n]{0,40}\b(?:can'?t|cannot|won'?t|don'?t)\s+"
            r"(?:be\s+)?(?:flagged|monitored|seen|tracked|detected|read|filtered)\b|"
            r"\b(?:avoid|bypass|get around|escape)\s+(?:the\s+)?(?:upwork\s+)?"
            r"(?:filters?|flagging|monitoring|detection|moderation)\b"
        )
        # "... message me there if that's easier than waiting for Upwork"
        away = (
            r"\b(?:easier|faster|quicker|simpler|better)\s+than\s+(?:[\w']+\s+){0,4}"
            r"(?:upwork|this (?:site|platform|chat))\b|"
            # "I sent you a connection request on LinkedIn", "reply to the email I sent"
            rf"\b(?:sent|send|sending)\s+(?:you\s+)?(?:a\s+)?(?:connection|friend|follow|contact)\s+"
            rf"request\s+(?:on|via)\s+(?:{chat})\b|"
            r"\breply\s+to\s+(?:the|my)\s+e-?mail\b|"
            r"\b(?:reach out to|contact|email|call)\s+(?:your|the)\s+(?:[\w-]+\s+)?"
            r"(?:team|company|office|department|boss|manager)\s+directly\b"
        )
        apply_elsewhere = (
            r"\b(?:apply|submit\s+(?:your\s+)?(?:application|cv|resume)|send\s+(?:your\s+)?"
            r"(?:cv|resume|application|portfolio))\s+(?:directly\s+)?(?:on|via|through|at|to)\s+"
            r"(?:our|my|the company'?s?)\s+(?:web\s?site|site|careers?\s+page|careers?|portal|"
            r"ats|form|e-?mail)\b|"
            r"\b(?:fill\s+(?:out|in)|complete)\s+(?:our|my|this|the)\s+(?:google\s+|application\s+|"
            r"external\s+)?(?:form|questionnaire|application)\s+(?:on|at|via|here)\b"
        )
        # A whole word: "eth" in "Beth" or "ach" in "each" names nothing.
        mention = rf"\b{cues.app_names(*_ALL_GROUPS)}\b"
        # Where each pattern can match (see scan.WordPattern and Draft.find).
        vocab = vocabulary()["apps"]
        chat_words = anchors_of(vocab["messaging"] + vocab["social"])
        meet_words = anchors_of(vocab["meeting"])
        contact_words = ("mail", "phone", "number", "cell", "mobile", "atsap", "whats", "skype",
                         "tele", "discord", "signal", "viber", "chat", "linked", "insta",
                         "facebook", "handle", "contact", "social", "address")  # fmt: skip
        self.where: dict[str, WordPattern] = {
            "handle": words(
                handle,
                chat_words,
                starts_within=anchor_offset(vocab["messaging"] + vocab["social"]),
            ),
            "my_app": words(my_app, ("my", "our"), leading=True, also=(chat_words,)),
            "my_nick": words(
                rf"\b(?:my|our)\s+(?P<app>{_MY_NICKS})\s*(?P<sep>:|=|\bis\b)\s*(?P<handle>{_HANDLE})",
                ("my", "our"),
                leading=True,
                also=(tuple(_MY_NICKS.split("|")),),
            ),
            "bare": words(bare, ("my", "our", "add", "the"), leading=True, also=(chat_words,)),
            # "IG kate.designs" with no word before it (a line, a label, a bracket).
            "bare_line": words(
                rf"(?<![\w'] )(?<![\w@.])(?P<app>{chat})\s+(?P<handle>{_HANDLE_LIKE})(?![\w@])",
                chat_words,
                leading=True,
            ),
            "at_name": words(at_name, ("@",), leading=True),
            # "LINE is easiest for me: kim.sora": after a colon, a name shaped as a handle,
            # its app named just before in the clause (_colon_names)
            "colon_name": words(
                rf":\s*(?P<name>{_HANDLE_LIKE})(?![\w@]|\.[a-z])", (":",), reach=(0, 48)
            ),
            # "I'm nikodesign#4471" with Discord named: a name and its four-digit tag
            "tag": words(_TAG, ("#",), reach=(34, 6)),
            # "ping me on \u2708\ufe0f @ lucas.edits": the paper plane for Telegram
            "plane": words(
                r"\u2708\s*(?:[:=]|->|\u2192)?\s*(?:(?<=(?:on|me) \u2708 )@ ?_?[a-z][\w.]{2,30}\w|"
                rf"(?:@ ?)?{_HANDLE_LIKE})(?![\w@]|\.[a-z])",
                ("\u2708",),
                reach=(1, 48),
            ),
            "id_is": words(id_is, ("id", "user", "handle"), leading=True),
            # "If you're on WeChat, add me: lin_wei_sz"
            "add_me": words(
                rf"\b(?:add|find|message|text|ping|dm|pm|follow|search)\s+(?:me|us)\s*(?::|-|\u2014|"
                rf"\u2013|\bat\b|\bas\b)\s*(?:{_HANDLE_LIKE})(?![\w@])",
                ("add", "find", "message", "text", "ping", "dm", "pm", "follow", "search"),
                leading=True,
            ),
            "as_name": words(
                as_name,
                ("i'm", "im", "i am", "as", "search", "find", "my name", "my profile", "my user"),
                leading=True,
                also=(("there", "everywhere", *chat_words),),
            ),
            "are_you_on": words(are_you_on, chat_words),
            "are_you_on_nick": words(
                are_you_on_nick, tuple(f"on {n}" for n in short), reach=(20, 30)
            ),
            "invite": words(invite, (*chat_words, "mail", "phone", "sms", "text")),
            "reply_on": words(
                reply_on, ("reply", "replying", "respond", "answer", "write back", "get back")
            ),
            "invite_wa": words(invite_wa, ("on wa", "via wa", "over wa", "in wa"), reach=(40, 24)),
            "invite_nick": words(invite_nick, nick_anchors, reach=(64, 24)),
            "will_reach": words(
                will_reach,
                (
                    "i'll",
                    "ill",
                    "i will",
                    "we'll",
                    "we will",
                    "let me",
                    "i can",
                    "we can",
                    "i'm",
                    "im",
                    "i am",
                    "gonna",
                    "i'd",
                    "id",
                    "i would",
                ),
                leading=True,
                also=(("mail", "text", "sms", "whats", "telegram", "viber", "signal"),),
            ),
            "there": words(there, ("there",), starts_within=48),
            # A Skype id: "live:" and the name, or "live:.cid." and a number.
            "skype_id": words(
                r"(?<![\w:/])live:\.?(?:cid\.)?[a-z0-9][\w.\-]{2,40}[a-z0-9]", ("live:",)
            ),
            # ... and spaced out so no filter reads it: "skype: live : nina . design . ua"
            # (only with a dot in the name, and Skype named in the sentence).
            "skype_id_spaced": words(
                r"(?<![\w:/])live\s{0,2}:\s{0,2}\.?(?:cid\s?\.\s?)?[a-z0-9][\w\-]*"
                r"(?:\s{0,2}\.\s{0,2}[a-z0-9][\w\-]*){1,6}",
                ("live",),
                also=(("skype",),),
            ),
            "app_me": words(
                app_me,
                (
                    "whats",
                    "telegram",
                    "skype",
                    "signal",
                    "viber",
                    "discord",
                    "email",
                    "e-mail",
                    "text",
                    "sms",
                    "dm",
                    "pm",
                    "inbox",
                    "mail",
                ),
                leading=True,
            ),
            "drop_line": words(drop_line, ("shoot", "drop", "send", "give"), leading=True),
            "away": words(
                away,
                (
                    "easier",
                    "faster",
                    "quicker",
                    "simpler",
                    "better",
                    "sent",
                    "send",
                    "reply",
                    "reach out",
                    "contact",
                    "email",
                    "call",
                ),
                leading=True,
                also=(("than", "request", "mail", "directly"),),
            ),
            "off_platform": words(
                off_platform,
                (
                    "take",
                    "move",
                    "continue",
                    "carry on",
                    "talk",
                    "chat",
                    "communicate",
                    "discuss",
                    "work",
                    "reach",
                    "contact",
                    "email",
                    "call",
                    "text",
                    "message",
                    "so",
                    "where",
                    "because",
                    "avoid",
                    "bypass",
                    "get around",
                    "escape",
                    "speak",
                    "pick",
                ),
                leading=True,
                also=(
                    (
                        "off",
                        "outside",
                        "elsewhere",
                        "somewhere",
                        "privately",
                        "flag",
                        "monitor",
                        "seen",
                        "track",
                        "detect",
                        "read",
                        "filter",
                        "moderat",
                        "restrict",
                        "censor",
                        "freer",
                        "freely",
                        "openly",
                    ),
                ),
            ),
            "request": words(
                request,
                (
                    "send",
                    "give",
                    "share",
                    "drop",
                    "tell",
                    "provide",
                    "leave",
                    "post",
                    "pass",
                    "forward",
                    "dm",
                    "pm",
                    "text",
                    "what",
                    "can i",
                    "may i",
                    "could",
                    "can you",
                    "do you",
                    "your",
                    "email",
                    "mail",
                ),
                leading=True,
                also=(contact_words,),
            ),
            "name_there": words(name_there, ("what",), leading=True, also=(("name",),)),
            "yours": words(yours, ("yours",), reach=(90, 12)),
            "meeting": words(meeting, (*meet_words, "calendly")),
            "apply_elsewhere": words(
                apply_elsewhere,
                ("apply", "submit", "send", "fill", "complete"),
                leading=True,
                also=(
                    (
                        "site",
                        "career",
                        "portal",
                        "ats",
                        "form",
                        "mail",
                        "questionnaire",
                        "application",
                    ),
                ),
            ),
            # A mention is an app's name (at most 18 characters), around its anchor.
            "mention": words(
                mention,
                anchors_of(
                    vocab["messaging"] + vocab["social"] + vocab["meeting"] + vocab["payment"]
                ),
                reach=(32, 40),
            ),
        }

        self.chat_name = re.compile(rf"\b{chat}\b")
        # ... or email, which "reply there" may point at too
        # ... or one's own app by its nickname ("check my ig ... dm me there")
        self.place_name = re.compile(rf"\b{chat}\b|{_EMAIL_WORD}|\bmy\s+(?:{nick})\b")
        # One quick look for all of them: most drafts hold none of what they need.
        self.needed = needed_by_any(self.where.values())

    def find(self, name: str, draft: Draft) -> Iterator[re.Match[str]]:
        """Matches of one pattern, searched only where its anchors say it can match."""
        return draft.find(self.where[name])


@cache
def _p() -> _Patterns:
    # Built on first use: the app lists come from the vocabulary file.
    return _Patterns()


# Words after a nickname that make it something other than a place to talk.
_NICK_NOT_APP = re.compile(
    r"['\u2019]s\b|\s*(?:ads?|pages?|posts?|groups?|tags?|elements?|items?|state|marketplace|"
    r"captions?|stor(?:y|ies)|reels?|bio|feed|grid|campaigns?|clients?|office|team|shop)\b"
)


# "catch me in DC", "meet at DC": the city, not Discord.
_IN_DC = re.compile(r"\b(?:in|at)\s+dc$")


def _crowd_does(draft: Draft, m: re.Match[str]) -> bool:
    """Whether the words before an invitation make a business's customers (or the like)
    its subject, with nobody of the two asked to talk: "most of our customers message us
    on WhatsApp" tells how the business is reached, the work's subject ("... reach me on
    WhatsApp" or "... contact you there" still ties the app to one of the two)."""
    crowd = _crowd_before().search(draft.lower, max(0, m.start() - 48), m.start())
    if crowd is None:
        return False
    # "most of your customers message you there": the reader's own business reached by
    # its customers, the reader's habit told, not a way for the two to talk
    return not _ONE_OF_THE_TWO.search(m.group(0).lower()) or (
        _YOUR_CROWD.search(draft.lower, max(0, crowd.start() - 16), crowd.start()) is not None
        and not _WRITER.search(m.group(0).lower())
    )


_YOUR_CROWD = re.compile(r"\b(?:your|ur)\s+$")
_WRITER = re.compile(r"\b(?:me|i|us|we)\b")


# The writer or the reader as the one to reach ("us" is the business the crowd reaches).
_ONE_OF_THE_TWO = re.compile(r"\b(?:me|you|u|ya|i)\b")


def _read_as_noun(draft: Draft, m: re.Match[str]) -> bool:
    """Whether an invitation's verb with nobody after it ("search on LinkedIn") is a noun:
    a word before it that is no verb's lead ("boolean search", "organic reach", "a quick
    chat on Zoom") makes it one; the start of a clause or "you can ..." keep it a verb."""
    nouns, leads = _noun_verbs()
    if not nouns.match(draft.lower, m.start()):
        return False
    before = _WORD_BEFORE.search(draft.lower, max(0, m.start() - 40), m.start())
    return before is not None and not leads.fullmatch(before.group(1))


# The word right before a place, with only spaces between (a comma or a full stop
# between them starts a new clause: the verb's own).
_WORD_BEFORE = re.compile(r"(?<![\w'])([a-z][\w'\u2019]*)[ \t]+$")


@cache
def _noun_verbs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The invitation verbs that are nouns too, followed straight by the preposition
    before the app; and the words that make them verbs."""
    nouns = lexicon.alternation(lexicon.words_of("en", "invite", "nouns"))
    leads = lexicon.alternation(lexicon.words_of("en", "invite", "noun_verb_leads"))
    return (
        re.compile(rf"(?:{nouns})\s+(?:on|via|over|through|in|to|at|using|with|by)\s"),
        re.compile(rf"(?:{leads}|[a-z]+ly)"),
    )


@cache
def _crowd_before() -> re.Pattern[str]:
    crowds = lexicon.alternation(lexicon.words_of("en", "invite", "crowds"))
    return re.compile(
        rf"\b(?:{crowds})\s+(?:(?:usually|often|mostly|mainly|always|already|still|now|just|"
        r"normally|typically|generally|sometimes|all|either|then|also|can|could|will|would|"
        r"(?:prefer|like|tend|want|need|love)\s+to)\s+){0,2}"
        # (the verb before a shorter match: "clients usually text | you on WhatsApp")
        r"(?:(?:text|message|call|contact|reach|dm|ping|write|find)(?:s|es)?\s+)?$"
    )


# A time in the past right after an invitation makes it a story.
_TOLD_WHEN = re.compile(
    r"[ ,]*(?:last (?:year|month|week|spring|summer|autumn|fall|winter)|"
    r"(?:a few |\d+ |two |three )?(?:years?|months?|weeks?) ago|back in (?:19|20)\d\d|"
    r"in (?:19|20)\d\d)\b"
)


@cache
def _meetings_as_work() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Meetings the work is to arrange, record or hold for others, said just before a
    meeting app ("schedule Zoom and Teams meetings with partners", "clean up your
    Calendly links") and a task done with one, said just after it ("Zoom meeting
    setup"). The words are ``[work] meetings_arranged``, ``tools_tidied`` and
    ``meeting_tasks``."""
    arranged = lexicon.alternation(lexicon.words("work", "meetings_arranged"))
    tidied = lexicon.alternation(lexicon.words("work", "tools_tidied"))
    tasks = lexicon.alternation(lexicon.words("work", "meeting_tasks"))
    before = re.compile(
        rf"\b{arranged}\b(?:[^.!?\n]{{0,30}})$|"
        rf"\b{tidied}\s+(?:your|the|our|their|all (?:the|your))\s+(?:[\w&-]+\s+){{0,3}}$"
    )
    return before, re.compile(rf"\s*{tasks}\b")


# A call placed through the platform itself: "a Zoom call through Upwork", "send a Zoom
# meeting through the Upwork Messages call button", "a quick Zoom here". Upwork Messages
# starts Zoom calls itself, so the app named is then the platform's own call.
_PLATFORM_CALL = (
    r"(?:through|via|in|inside|within|from|using|on|over|with)\s+(?:the\s+|our\s+)?"
    r"upwork(?:['\u2019]s)?+\b(?!\s+(?:jobs?|posts?|posting|profiles?|proposals?|fees?)\b)"
)
_MEETING_ON_PLATFORM_AFTER = re.compile(
    r"\s*\(?(?:\s*(?:video\s+|voice\s+|quick\s+)?(?:call|meeting|chat|session|link|invite|"
    r"invitation|room|interview)s?)?(?:\s+right)?"
    rf"\s+(?:here\b(?:\s+{_PLATFORM_CALL})?|{_PLATFORM_CALL})"
)
# ... said before it in its clause: "using the Upwork call button I'll send a Zoom link"
_MEETING_ON_PLATFORM_BEFORE = re.compile(
    rf"\b{_PLATFORM_CALL}\s+(?:messages?|chat|call(?:\s+button)?|video(?:\s+call)?)\b"
    r"[^.!?\n,;]{0,40}$"
)


# In a job post's list of duties, a call with the applicant is still an invitation.
_CALL_WITH_US = re.compile(
    r"\b(?:you|u|your|candidates?|applicants?|interviews?|shortlist\w*|freelancers?|me|us)\b"
)


def _app_handles(draft: Draft, p: _Patterns) -> Iterator[Match]:
    """Handles after their app's name: "Skype: kate.lin", "my disc is lena dot renders"."""
    for m in [*p.find("handle", draft), *p.find("my_nick", draft)]:
        handle = draft.text[m.start("handle") : m.end("handle")].lstrip("@")
        if not _is_handle(handle, m.group("sep"), draft, m.start("app"), m.end("handle")):
            continue
        if m.re is p.where["my_nick"].pattern and not _NAME_LIKE.search(handle):
            continue  # "my disc is scratched": a short name is the app only before a handle
        if m.group("sep") == "(" and not draft.text.startswith(")", m.end()):
            continue  # "Discord (12k members)": an aside, not a handle in brackets
        if _BULLET_NEXT.match(draft.text, m.end("app")):
            continue  # "... on WhatsApp\n- Admin dashboard": the next list item
        if m.group("sep") in ("->", "\u2192") and _in_flow(draft, m, handle):
            continue  # "Typeform \u2192 Slack \u2192 Google Sheets": tools a record flows through
        # "Skype (live:kate)": the closing bracket goes with the opening one.
        end = m.end() + (m.group("sep") == "(" and draft.text.startswith(")", m.end()))
        yield Match("messaging_handle", m.start(), end, evidence={"app": m.group("app")})


# An arrow right before an app ("HubSpot \u2192 Slack"), or after the name it points at
# and a word or two more of that name ("Google Sheets \u2192 Looker"): a chain of arrows.
_ARROW_BEFORE = re.compile(r"(?:->|\u2192)[ \t]*$")
_ARROW_AFTER = re.compile(r"(?:[ \t]+[\w.&'-]+){0,2}[ \t]*(?:->|\u2192)")


def _in_flow(draft: Draft, m: re.Match[str], handle: str) -> bool:
    """Whether an arrow from an app to a plain word is one step of a chain of tools
    ("Typeform \u2192 HubSpot \u2192 Slack \u2192 Google Sheets": the data's path, the work)
    rather than the app's label pointing at a name ("Skype \u2192 live:kate.v")."""
    if not handle.isalpha():
        return False  # digits, dots, underscores or an "@": a name on the app
    start = m.start("app")
    return bool(
        _ARROW_BEFORE.search(draft.text, max(0, start - 6), start)
        or _ARROW_AFTER.match(draft.text, m.end("handle"))
    )


def detect(draft: Draft) -> Iterator[Match]:
    """Yield handles, invitations, call set-ups, contact requests and app mentions."""
    for found in _detect(draft):
        if found.status == "breach" and (
            work.quoted_back(draft, found.start) or work.quoted_content(draft, found.start)
        ):
            # their own words quoted back to them, or a line of the work's content
            yield replace(found, status="topic")
        elif found.type == "messaging_handle" and _bot_name(draft, found):
            yield replace(found, status="topic")  # "the bot will be @LoomOrdersBot"
        elif found.type == "messaging_handle" and _stand_in_handle(draft, found):
            yield replace(found, status="topic")  # "placeholders like Instagram @yourbrand"
        else:
            yield found


_LAST_NAME = re.compile(r"[@\w.-]+$")


def _stand_in_handle(draft: Draft, found: Match) -> bool:
    """Whether the handle is a template's stand-in for the reader's ("@yourhandle")."""
    name = _LAST_NAME.search(draft.lower, found.start, found.end)
    return name is not None and work.stand_in_name(name.group(0))


# Telegram gives bots, and only bots, usernames ending in "bot": "@LoomOrdersBot".
_BOT_HANDLE = re.compile(r"bot\W*$")
_BOT_TALK = re.compile(r"\bbots?\b")


def _bot_name(draft: Draft, found: Match) -> bool:
    """Whether the handle is a bot's username in a draft about building or running one:
    the bot the work makes, not a person to write to."""
    handle = draft.lower[found.start : found.end]
    return bool(_BOT_HANDLE.search(handle)) and _BOT_TALK.search(draft.lower) is not None


def _detect(draft: Draft) -> Iterator[Match]:
    p = _p()
    if not draft.holds_any(p.needed):
        return
    text = draft.lower
    yield from _app_handles(draft, p)
    for m in [*p.find("bare", draft), *p.find("bare_line", draft)]:
        if not _is_topic(draft, m.start(), m.start()):
            yield Match("messaging_handle", m.start(), m.end(), evidence={"app": m.group("app")})
    as_name = list(p.find("as_name", draft))
    tags = list(p.find("tag", draft))
    loose = [
        *p.find("at_name", draft),
        *p.find("id_is", draft),
        *as_name,
        *p.find("add_me", draft),
        *tags,
    ]
    for m in loose:
        # "my handle everywhere is the same: kim_vfx. Works on Insta": a handle claimed
        # in so many words may have its app named in the next sentence; so may a name one
        # is known by ('I'm "kim_vfx" everywhere - the bird app, ...'), a dash between.
        claimed = _HANDLE_CLAIM.match(m.group(0)) or m in as_name
        after = m.end() if claimed else None
        # A name with a four-digit tag is the app's own shape: the app may be named
        # anywhere in the draft ("our Discord ... DM the owner: kai.moon#0427").
        named = (
            _app_in_sentence(draft, m.start(), p, after)
            if m not in tags
            else p.chat_name.search(draft.lower) is not None
        )
        if named and not _is_topic(draft, m.start(), m.start(), reach=16):
            yield Match("messaging_handle", m.start(), m.end())
    yield from _colon_names(draft, p)
    mail = p.mail_name.search(text) if "my" in text else None
    if mail is None and any(w in text for w in ("mail", "yahoo", "outlook", "icloud", "proton")):
        mail = p.mail_label.search(text)
    if mail is not None and "@" not in text[mail.start() : mail.end() + 2]:
        yield Match("email", mail.start(), mail.end("id"), evidence={"app": "email"})
    for m in p.find("plane", draft):
        yield Match("messaging_handle", m.start(), m.end(), evidence={"app": "Telegram"})
    for m in p.find("skype_id", draft):
        yield Match("messaging_handle", m.start(), m.end(), evidence={"app": "Skype"})
    for m in p.find("skype_id_spaced", draft):
        if " " in m.group(0) and "skype" in draft.sentence(m.start()).lower():
            yield Match("messaging_handle", m.start(), m.end(), evidence={"app": "Skype"})
    for m in p.find("my_app", draft):
        if _is_topic(draft, m.start("app"), m.end()):
            continue  # "run our Discord: set up roles and bots"
        if _ON_PLATFORM_PROFILE.match(draft.lower, m.end()):
            continue  # "my LinkedIn is linked on my upwork profile": shown here
        if work.quoted_content(draft, m.start()):
            continue  # 'lines like "my insta is ..." are spam': a dataset's line quoted
        yield _phrase("messaging_invite", m, app=m.group("app"))
    yield from _there_invites(draft, p)
    yield from _invitations(draft, p)
    for m in p.find("request", draft):
        if not work.a_figure(draft, m.start(), m.end()):
            yield _phrase("contact_request", m)
    for name in ("name_there", "yours"):
        for m in p.find(name, draft):
            if not _is_topic(draft, m.start(), m.end()):
                yield _phrase("contact_request", m, app=_app_of(m))
    yield from _meetings(draft, p)
    for m in p.find("apply_elsewhere", draft):
        yield _phrase("external_application", m)
    for m in p.find("mention", draft):
        yield Match("app_mention", m.start(), m.end(), "topic", evidence={"app": m.group(0)})


# What a name after a colon is when it is no handle: a file, a version, a domain.
_NOT_A_HANDLE = re.compile(
    r".*\.(?:csv|pdf|docx?|xlsx?|txt|json|xml|js|ts|py|png|jpe?g|gif|zip|mp[34]|wav|mov|"
    r"com|net|org|io|co|me|app|dev)$|@?v?\d"
)


# A label before the colon naming a thing of the work, not a name to reach.
_THING_LABEL = re.compile(
    r"\b(?:stack|files?|version|branch|repo|folder|path|config|env|variables?|keys?|tokens?|"
    r"tables?|columns?|fields?|functions?|class|module|package|library|tags?|channels?|"
    r"workspace|bot|webhook|endpoint|event|command|template|project|task|ticket|protocol|"
    r"api|sdk|integration)\b"
)


# A capitalised word right after the app's name: "Signal Protocol", "Slack API".
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][\w-]*")


def _colon_names(draft: Draft, p: _Patterns) -> Iterator[Match]:
    """Handles after a colon with their app named just before, in the clause: "LINE is
    easiest for me: kim.sora", "Telegram works better, username: kira_dev"."""
    for m in p.find("colon_name", draft):
        name = m.group("name")
        if _NOT_A_HANDLE.match(name) or sum(c.isalpha() for c in name) < 3:
            continue
        lo = max(draft.sentence_bounds(m.start())[0], m.start() - 60)
        app = p.chat_name.search(draft.lower, lo, m.start())
        if app is None or _is_topic(draft, app.start(), app.end()):
            continue
        if _THING_LABEL.search(draft.lower, app.end(), m.start()):
            continue  # "Slack and the stack: node_js", "our Slack channel: dev_team"
        if _NAME_GOES_ON.match(draft.text, app.end()):
            continue  # "Signal Protocol: X3DH": the app's name part of another thing's
        yield Match("messaging_handle", m.start("name"), m.end(), evidence={"app": app.group(0)})


def _invitations(draft: Draft, p: _Patterns) -> Iterator[Match]:
    """Invitations to talk on an app or off the platform, and details asked for by app."""
    text = draft.lower
    for name in (
        "invite",
        "reply_on",
        "invite_wa",
        "invite_nick",
        "app_me",
        "drop_line",
        "are_you_on",
        "are_you_on_nick",
        "off_platform",
        "away",
        "will_reach",
    ):
        for m in p.find(name, draft):
            app = _app_of(m)
            if app and _is_topic(draft, m.start(), m.end()):
                continue
            if _ON_PLATFORM_AFTER.match(text, m.end()):
                continue  # "text me the details here", "email me on Upwork"
            if _REPLY_VERB.match(m.group(0).lower()) and not _REPLY_ASKED.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue  # "customers reply via SMS": somebody else's answers, the work
            if name == "invite_nick" and (
                _NICK_NOT_APP.match(text, m.end()) or _IN_DC.search(m.group(0))
            ):
                continue  # "post it on IG stories", "move it to WA state": not a chat
            if _TOLD_WHEN.match(draft.lower, m.end()):
                continue  # "we moved to Teams last year": told, not proposed
            if _crowd_does(draft, m):
                continue  # "90% of our customers contact us on WhatsApp": a habit, the work's
            if name == "invite" and _read_as_noun(draft, m):
                continue  # "boolean search on LinkedIn Recruiter": a noun, no one asked
            if _ADDED_BY_ADDRESS.match(m.group(0).lower()):
                continue  # "I have to add you by email" to a folder: an account, no talk
            if work.quoted_content(draft, m.start()):
                continue  # a "Contact us on WhatsApp" button the work is to build
            # "give me an email and I'll add you": an address asked for, not a message
            asked = name == "drop_line" and m.group(0).lower().startswith("give")
            yield _phrase("contact_request" if asked else "messaging_invite", m, app=app)


def _meetings(draft: Draft, p: _Patterns) -> Iterator[Match]:
    """Calls and meetings proposed on an outside app (not the platform's own calls)."""
    for m in p.find("meeting", draft):
        if (
            _is_topic(draft, m.start(), m.end())
            or _meetings_as_work()[0].search(draft.lower, max(0, m.start() - 40), m.start())
            or _meetings_as_work()[1].match(draft.lower, m.end())
            or _MEETING_ON_PLATFORM_AFTER.match(draft.lower, m.end())
            or _MEETING_ON_PLATFORM_BEFORE.search(draft.lower, max(0, m.start() - 80), m.start())
            or (
                work.feature_item(draft, m.start())
                and not _CALL_WITH_US.search(draft.line(m.start()))
            )
        ):
            continue
        yield _phrase("meeting_invite", m, app=_app_of(m))


_HANDLE_CLAIM = re.compile(r"(?:user\s?name|handle)\b")


def _app_in_sentence(
    draft: Draft,
    at: int,
    p: _Patterns,
    after: int | None = None,
    names: re.Pattern[str] | None = None,
) -> bool:
    """Whether a chat app (or one of ``names``) is named in the sentence around ``at`` or
    the one before (or, given ``after``, the one after the sentence holding it)."""
    start, end = draft.sentence_bounds(at)
    if start > 0:
        start = draft.sentence_bounds(start - 1)[0]
    if after is not None:
        end = max(end, after)  # (the match itself may run to the draft's end)
        if end < len(draft.lower):
            end = draft.sentence_bounds(end)[1]
    # At most REACH either side, so a draft without full stops costs no more per match.
    found = (names or p.chat_name).search(draft.lower, max(start, at - REACH), min(end, at + REACH))
    return found is not None


def _phrase(type_: str, m: re.Match[str], app: str = "") -> Match:
    return Match(type_, m.start(), m.end(), evidence={"app": app}, negatable=True)


def _app_of(m: re.Match[str]) -> str:
    for name in ("app", "app2", "app3", "app4", "app5"):
        if name in m.re.groupindex and m.group(name):
            return m.group(name)
    return ""


_EMAIL_WORD = r"\be-?mails?\b"  # ("we talked by email back then, so reply there")
# The reader is in a chat already, or is to be added: "you're already in our group".
_MEMBER = re.compile(
    r"\b(?:you'?re|you are|you'?ve been|you have been|you were|i'?ll add you|we'?ll add you)\s+"
    r"(?:already\s+|still\s+)?(?:in|on|added to|a member of|to)\b"
)
# One's own way to be reached, named: "my personal email and phone", "my old number".
_OWN_DETAIL = re.compile(
    r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:e-?mail|phone|number|mobile|cell|whats\s?app|telegram|"
    r"skype|signal|viber)\b"
)


def _there_invites(draft: Draft, p: _Patterns) -> Iterator[Match]:
    """'... we could continue there': a move pointed at an app or a detail named nearby."""
    for m in p.find("there", draft):
        # "we talked by email back then, so reply there": email is a place too
        place = (
            _app_in_sentence(draft, m.start(), p, names=p.place_name)
            # "you already have my personal email and phone. Ping me there like before":
            # one's own detail named in the sentence just before
            or _OWN_DETAIL.search(_sentence_before(draft, m.start()))
        )
        # (on the same line, a dash may end the sentence before: "... group - I'll post")
        line = draft.lower.rfind("\n", 0, m.start()) + 1
        if m.group(0).lower().startswith(("i", "we", "let")) and not _MEMBER.search(
            draft.lower, max(line, m.start() - 160), m.start()
        ):
            continue  # "set up our Telegram channel; I'll post the photos there": the work
        # "more reels: luna.edits_ (dm me there)": "message me there" asks to be reached,
        # which is nobody's work, whatever work words stand before it.
        if place and _crowd_does(draft, m):
            continue  # "most of your customers already message you there": a habit told
        if place and (
            _REACH_ME_THERE.match(m.group(0).lower()) or not _is_topic(draft, m.start(), m.end())
        ):
            yield _phrase("messaging_invite", m)


_REACH_ME_THERE = re.compile(r"(?:message|text|write|reach|contact|ping|dm|pm)\s+me\s")


def _sentence_before(draft: Draft, pos: int) -> str:
    """The lower-case text of the sentence before the one holding ``pos`` ("" if none)."""
    start = draft.sentence_bounds(pos)[0]
    return draft.sentence(start - 2) if start >= 2 else ""


# "on WhatsApp" not preceded by "me"/"us" (as in "message me on WhatsApp: ...").
_ON_AN_APP = re.compile(r"(?<!\bme )(?<!\bus )\b(?:on|via|in|through|using|with)\s+$")


_NAME_LIKE = re.compile(r"[\d_.@]| dot | underscore ")

# A count after an app's name, no name on it: "TikTok (800)", "Instagram: 12.4k",
# "YouTube (2,300)". No app gives anybody a name of four digits or fewer.
_COUNT = re.compile(r"\d{1,4}|\d{1,3}(?:[.,]\d{1,3})*[km]|\d{1,3}(?:,\d{3})+")


def _is_handle(handle: str, sep: str, draft: Draft, start: int, end: int) -> bool:
    low = handle.lower()
    if low in _HANDLE_STOPWORDS or len(low) < 3 or _COUNT.fullmatch(low):
        return False
    if _app_names().fullmatch(low):
        return False  # "Midtrans Snap: GoPay, OVO": a list of products, not a user name
    if sep.strip().lower() in ("is", "at", "-", "\u2014", "\u2013"):
        # "Telegram is great", "WhatsApp \u2014 forget it": only a handle when it looks
        # like one or is "my X is ...".
        looks = any(c.isdigit() or c in "_." for c in handle) or handle != handle.lower()
        if draft.text.startswith(("'s", "\u2019s"), end):
            looks = False  # "WhatsApp \u2014 Upwork's rules": a name owning something
        mine = re.search(r"\b(?:my|our)\s*$", draft.lower[max(0, start - 8) : start])
        return bool(looks or mine)
    if handle.isalpha() and _ON_AN_APP.search(draft.lower, max(0, start - 12), start):
        # "customers order on WhatsApp: browse the menu, pay ...": a plain word after
        # "on <app>:" with nobody to reach there is what happens on the app.
        return False
    # "manage our Instagram @brand" is the work; "our HR manager on Telegram @hr_x" is
    # not: only the words right before the app count.
    return not _is_topic(draft, start, start, reach=16)


@cache
def _app_names() -> re.Pattern[str]:
    """The names of chat and payment apps in every language file ("gopay", "swish")."""
    names = [*lexicon.words("apps", "messaging"), *lexicon.words("apps", "payment")]
    return re.compile(lexicon.alternation(names))


def _is_topic(draft: Draft, start: int, end: int, reach: int = 30) -> bool:
    """Whether the words around an app name make it the subject of the work: a build
    verb before it ("integrate Zoom"), or a thing built right after it ("Telegram bot").
    Text inside a handle or link ("kate.lin.ux") does not count."""
    before = draft.words_before(start, reach)
    # Not from an earlier line: "... without a new build.\n\nP.S. I'm online on
    # Discord" is no talk about building on Discord.
    before = before[before.rfind("\n") + 1 :]
    # Nor from an earlier sentence: "... payment gateways lol. Can we move to Signal"
    # asks for a chat; the gateways were the previous sentence's subject (unless that
    # sentence names an app too: "you work with Zoom SDK. Our project: embed Zoom").
    sentences = _SENTENCE_END.split(before)
    if len(sentences) > 1 and not cues.app_pattern(*_ALL_GROUPS).search(" ".join(sentences[:-1])):
        before = sentences[-1]
    # A handle or path before it names nobody's work: the "ux" of "/in/priya-raman-ux".
    before = _HANDLE_OR_PATH.sub(" ", before)
    if _RUN_THE_APP.search(before):
        return True  # "run our Telegram", "moderate the Discord": the app is the job
    after = _WORDS_AFTER.match(draft.lower, end)
    return cues.about_the_work(before, draft) or bool(
        after and cues.about_the_work(after.group(0), draft)
    )


# The end of a sentence: a full stop, "!" or "?" and a space (".NET" is no end).
_SENTENCE_END = re.compile(r"[.!?]+\s+")


_HANDLE_OR_PATH = re.compile(r"(?<!\S)[/@][\w./@-]*|[\w.-]*_[\w./@-]*")


_RUN_THE_APP = re.compile(
    r"\b(?:run|running|manage|managing|moderate|moderating|grow|growing|admin\w*|look after)\s+"
    r"(?:our|the|my|your|their|a|this)\s+(?:[\w-]+\s+)?$"
)


# Up to three plain words after an app name.
_WORDS_AFTER = re.compile(r"(?:[ \-]+[a-z]+){1,3}")


# A line break and then a list bullet: what follows is the next item, not a handle.
_BULLET_NEXT = re.compile(r"[ \t:]*\n\s*[-*\u2022\u2013\u2014]\s")
