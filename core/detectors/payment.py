"""Asking or offering to pay or be paid outside the platform, and payment accounts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from presend.core import cues, lexicon, work
from presend.core.draft import REACH, Draft
from presend.core.model import Match
from presend.core.rulepack import vocabulary
from presend.core.scan import (
    WordPattern,
    anchor_offset,
    anchors_of,
    compile_lower,
    needed_by_any,
    words,
)

_PLATFORM = r"(?:upwork|the platform|this platform|the site|this site|here)"
# ("off the books": paid where no record is kept, so not through the platform; "continue
# without Upwork": the platform left out, not "without Upwork's fees" only)
_OUTSIDE = (
    rf"(?:outside(?:\s+of)?\s+{_PLATFORM}|off[- ](?:platform|upwork|site)|off\s+{_PLATFORM}|"
    r"off\s+(?:the\s+)?books|without\s+(?:upwork|the\s+platform)(?!['\u2019]))"
)
# Other people the writer deals with outside the platform, named right after "off
# Upwork": "off-Upwork clients", "off-platform customers". What they pay is a comparison,
# unless the sentence goes on to offer the reader the same ("..., we could do the same",
# "same for you if you like").
_OTHERS = (
    r"(?:other\s+|regular\s+|direct\s+|private\s+)?(?:clients|customers|buyers|companies|"
    r"agencies|brands|businesses|employers|people|folks)"
)
_OFFERED_TOO = (
    r"[^.!?\n]{0,100}\b(?:(?:you|u|we)(?:\s+(?:could|can|may|might|would)|'d)\s+(?:also\s+|just\s+)?"
    r"(?:do|go|pay|work|set|arrange|switch|try|have|too)\b|same\s+(?:for|with|as)\s+(?:you|u)\b|"
    r"if\s+(?:you|u)\s+(?:want|like|prefer|wish)\b|(?:you|u)\s+too\b)"
)
_OTHERS_AFTER = rf"\s+{_OTHERS}\b(?!{_OFFERED_TOO})"

# Right after paying or hiring, "outside" with no place named is the platform's outside:
# "can I pay you outside for the next milestone?" (not "paid outside the US").
_OUTSIDE_AFTER_PAY = (
    rf"(?:{_OUTSIDE}|outside(?=\s*(?:[.,!?;()]|$|\s+(?:for|this|next|if|and|so|instead|now|"
    r"from|to avoid|like|as|pls|please|again|too)\b)))"
)


# After a payment app's name, a part of it being built: "use the PayPal API".
_NOT_BUILT = (
    r"(?!\s+(?:api|sdk|integration|checkout|button|gateway|plugin|xml|exports?|imports?|files?|"
    r"formats?|batch\w*|mandates?|schema))"
)


# Words that end the few naming whose and which payment service it is ("our normal
# contractor payroll"): another choice ("card or PayPal"), a comparison ("TRON vs
# Ethereum"), a preposition opening another phrase.
_NOT_A_MODIFIER = (
    r"(?:or|and|nor|vs|versus|than|to|from|with|of|for|on|in|into|by|via|through|not|no|"
    r"instead|rather|then|but|if|like|as)"
)


# Who "directly with/to ..." may name and still be one side of the deal or a way to pay.
_EITHER_SIDE = (
    r"(?:me|us|my|our|mine|you|your|u|him|her|them|the|a|an|this|that|each|crypto|bitcoin|"
    r"btc|eth|usdt|cash|bank|wire|card|check|cheque)\b"
)


class _Patterns:
    def __init__(self) -> None:
        pay = cues.app_names("payment")
        pay_words = anchors_of(vocabulary()["apps"]["payment"])
        self.pay_words = pay_words
        ways = (
            "direct",
            "private",
            "personal",
            "separate",
            "outside",
            "off",
            "straight",
            "without",
        )
        #: Where each pattern can match: see scan.WordPattern and Draft.find.
        self.solicitation: tuple[WordPattern, ...] = (
            # "pay me directly", "pay you outside Upwork", "payment directly to me"
            words(
                r"\b(?:pay|paying|paid|payments?|send (?:the |my |your |a )?"
                r"(?:\d+%\s+|[$€£]?\d[\d,.]*k?\s+)?"
                r"(?:money|payment|funds|it|deposit|advance|balance|rest|amount|bonus|tip|salary)|"
                r"transfer (?:the )?(?:money|payment|funds)|"
                # "I'll send you a bank wire directly"
                r"send (?:you |u |me |us )?(?:a |the )?(?:bank |wire |direct )?(?:wire|transfer)|"
                # "I can send $850 straight to your account": the sum itself sent
                r"send (?:you |u )?[$€£]\s?\d[\d,.]*k?|"
                r"wire(?: the)?(?: (?:money|payment|funds))?)"
                # (a sum or a rate among them: "$1,200", "$30/h", "€2.5k")
                r"\s+(?:(?!not\b|no\b|never\b)(?:[\w$€£'%]|[.,/](?=\w))+\s+){0,6}"
                # ("pay that from your company card directly with Hetzner": a bill paid
                # to a named third party, not to either side)
                rf"(?:directly(?!\s+(?:with|to)\s+(?!{_EITHER_SIDE}|{pay}\b)[a-z])|"
                rf"direct|privately|personally|separately|{_OUTSIDE_AFTER_PAY}|"
                r"straight (?:to|into) (?:your|my|our)(?!\s+upwork))\b",
                ("pay", "paid", "send", "transfer", "wire"),
                leading=True,
                also=(ways,),
            ),
            # "pay via PayPal", "payment through Wise", "send the money to my Payoneer"
            words(
                # ("Apple Pay through Stripe" names a wallet, not a payment.)
                r"(?<!apple )(?<!google )(?<!samsung )(?<!amazon )(?<!shop )(?<!app )"
                r"\b(?:pay|paying|paid|"
                # "(our agency) pays its writers via Wise": said of whom it pays (read as the
                # client's books unless the reader is asked to be paid so, _pays_another)
                rf"pays(?=\s+(?:(?:its|their|our|all|the|his|her|my)\s+){{0,2}}(?:{_payees()})\b)|"
                # ("payment data (handled by Stripe)": what the product processes; "the
                # payment bug with PayPal on Android": a fault of it to fix)
                r"payments?(?!\s+(?:data|processing|processors?|providers?|gateways?|"
                r"bugs?|errors?|failures?|glitch(?:es)?|crash(?:es)?|"
                r"integrations?|flows?|pages?|forms?|apis?|logic|modules?|records?|"
                r"screens?|webhooks?|events?)\b)|"
                r"send(?:ing)?(?:\s+(?:you|me|us|him|her))?(?:\s+(?:an?\s+|the\s+)?"
                r"(?:money|payment|funds|it|bonus|tip|rest|balance|amount|advance|deposit))?|"
                r"transfer|wire|tip|deposit|settle|receive (?:the )?(?:money|payment)|"
                # "refund it to my PayPal": money between the two sides sent back outside
                # (the verb: "the state refund will go by direct deposit" is a tax refund)
                r"refund(?:ed|ing|(?=\s+(?:it|me|you|u|us|him|her|them|that|this|those|the|my|"
                r"your|our|what|[$€£\d])\b))|reimburs(?:e|ed|ing)|"
                r"invoic(?:e|es|ed|ing)|bill(?:ed)?|billing(?=\s+(?:us|me|you|u|him|her|them)\b)|"
                r"charg(?:e|es|ed|ing)|cash out|salary|hire|"
                r"onboard|contract|cover|"
                r"retainer|"
                r"fees?|money|balance|the rest|bonus|advance|upfront|remainder|remaining|"
                r"installments?|(?:the\s+(?:other|second|first)\s+)?half(?!\s+(?:of|the)\b)|"
                # "kindly release next milestone on GCash": the platform's word, paid outside
                r"releas(?:e|ed|ing)\s+(?:(?:the|this|that|my|our|your|next|final|last|first|"
                r"second|remaining|pending)\s+){0,2}(?:milestones?|funds|money)|"
                # "we've always done it over email with bank transfers": the usual way
                r"(?:always|usually|normally)\s+(?:done|did|do|handled?|settled?)\s+"
                r"(?:it|this|that|things|payments?|everything))\b"
                # (a sum's point between its digits goes on: "send the remaining R$ 2.400
                # via Pix", "€1.250,50 through Wise")
                r"(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,60}?\b(?:via|through|by|with|on|using|over|in|into|"
                r"to\s+(?:my|our|your|the)|(?:straight|directly|right)\s+(?:to|into))"
                # ("through our normal contractor payroll": a few words naming whose and
                # which, not another choice after "or"; 'via "T-Wise"': the name in quotes
                # right after the word, not 'with memo "ZELLE FROM ..."')
                rf"\s+(?:[\"'\u201c\u2018]|(?:(?!{_NOT_A_MODIFIER}\s)[a-z]+\s+){{0,3}}?)"
                rf"(?P<app>{pay})\b{_NOT_BUILT}",
                (
                    "pay",
                    "paid",
                    "send",
                    "transfer",
                    "wire",
                    "tip",
                    "deposit",
                    "settle",
                    "receive",
                    "refund",
                    "reimburs",
                    "invoic",
                    "bill",
                    "charg",
                    "cash out",
                    "salary",
                    "hire",
                    "onboard",
                    "contract",
                    "retainer",
                    "fee",
                    "money",
                    "balance",
                    "the rest",
                    "bonus",
                    "advance",
                    "upfront",
                    "remain",
                    "cover",
                    "half",
                    "the other half",
                    "the second half",
                    "the first half",
                    "always",
                    "usually",
                    "normally",
                    "releas",
                ),
                leading=True,
                also=(pay_words,),
            ),
            # "could we do the last two milestones in USDT?": the contract's own payments,
            # made another way (right after the word, so "instead of a milestone, send it
            # to my PayPal" is read by the pattern above)
            words(
                r"\bmilestones?\s+(?:(?:paid|done|settled|funded)\s+)?(?:in|via|through|by|with|"
                rf"using|over)\s+(?P<app>{pay})\b",
                ("milestone",),
                leading=True,
                also=(pay_words,),
            ),
            # "I'll pay you cash like before", "can you pay me USDT": the money named right
            # after whom it pays, with no "in" or "by"
            words(
                r"\b(?:pay|paying|paid)\s+(?:you|u|me|us|him|her|them)\s+"
                r"(?:(?:the\s+)?(?:rest|balance|remainder|difference|[$€£]\s?\d[\d,.]*k?)\s+)?"
                rf"(?P<app>{pay})\b{_NOT_BUILT}",
                ("pay", "paid"),
                leading=True,
                also=(pay_words,),
            ),
            # "Western Union is fine for me", "Wise works for us": a way to pay, agreed to
            words(
                rf"\b(?P<app>{pay})\s+(?:is|'s|would\s+be|works|would\s+work)\s+(?:(?:also|too|totally|"
                r"perfectly|completely)\s+)?(?:(?:ok|okay|fine|good|great|perfect|easier|best|"
                r"better)\s+)?(?:for|with)\s+(?:me|us)\b"
                # "is Zelle ok for you?"
                rf"|\b(?:is|would)\s+(?P<app2>{pay})\s+(?:be\s+)?(?:ok|okay|fine|good|alright|easier)\s+"
                r"(?:for|with)\s+(?:you|u)\b",
                # Searched before the rarer words at its end, not at every app name.
                ("for me", "with me", "for us", "with us", "for you", "with you", "for u"),
                reach=(72, 10),
                also=(pay_words,),
            ),
            # "let's do bank transfer for the next milestone", "we could go with Wise"
            words(
                r"\b(?:let'?s|we can|we could|can we|could we|shall we|we'll|we will)\s+"
                r"(?:just\s+|simply\s+)?(?:do|go with|switch to|move to)\s+(?:a\s+|an\s+)?"
                rf"(?P<app2>{pay})\b{_NOT_BUILT}",
                ("let", "we can", "we could", "can we", "could we", "shall we", "we'll", "we will"),
                leading=True,
                also=(pay_words,),
            ),
            # "do you accept PayPal", "I prefer Wise", "we can use crypto"
            words(
                r"\b(?:accept|accepts|accepting|take|takes|prefer|use|using|receive|have)\s+"
                rf"(?:payments?\s+)?(?:via\s+|through\s+|by\s+|in\s+|on\s+)?(?P<app2>{pay})\b"
                + _NOT_BUILT,
                ("accept", "take", "prefer", "use", "using", "receive", "have"),
                leading=True,
                also=(pay_words,),
            ),
            # "I accept W i s e or Payoneer": a way to pay, second in a short list
            words(
                r"\b(?:accept|accepts|accepting|take|takes|receive)\s+(?:payments?\s+)?"
                r"(?:via\s+|through\s+|by\s+|in\s+)?(?:\w(?:\s\w){2,}|[\w@$.]+)\s+(?:or|and|/)\s+"
                rf"(?P<app>{pay})\b{_NOT_BUILT}",
                ("accept", "take", "receive"),
                leading=True,
                also=(pay_words, (" or ", " and ", "/")),
            ),
            # "send the $150 as an Amazon gift card", "pay me in gift cards"
            words(
                r"\b(?:(?:send|give|transfer)\w*\s+(?:me\s+|you\s+|us\s+)?(?:the\s+|a\s+|my\s+|your\s+)?"
                r"(?:[$€£]\s?\d[\d,.]*k?|\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros|bucks)|money|payment|"
                r"it|rest|balance|bonus|tip|amount|fee|remainder)|"
                r"pay\w*\s+(?:me|you|us|him|her)(?:\s+(?:the\s+)?(?:[$€£]\s?\d[\d,.]*k?|rest|"
                r"balance|remainder))?)\s+(?:as|in|via|by|with|using|through)\s+"
                r"(?:an?\s+|the\s+|some\s+)?(?:[\w&'.-]+\s+){0,2}gift[\s-]?cards?\b",
                ("gift card", "gift-card", "giftcard", "gift\ncard"),
                reach=(90, 40),
            ),
            # "just give me your account and routing numbers": bank details asked for
            words(
                r"\b(?:give|send|share|text|forward|email|dm|tell)\s+(?:me|us)\s+(?:with\s+)?"
                r"(?:(?:your|ur)\s+(?:bank\s+)?(?:account\s+(?:number\s+|no\.?\s+)?(?:and|&|\+|/)\s+)?"
                r"(?:routing|sort code|iban|swift|bic)|"
                # "just give me IBAN + SWIFT": two of them named, no "your"
                r"(?:the\s+)?(?:iban|swift|bic|routing|account)(?:\s+(?:number|no\.?|code))?\s*"
                r"(?:and|&|\+|/|,)\s*(?:iban|swift|bic|routing|sort code))\b",
                ("give", "send", "share", "text", "forward", "email", "dm", "tell"),
                leading=True,
                also=(("routing", "sort code", "iban", "swift", "bic"),),
            ),
            # "outside of Upwork" around payment or work words
            words(
                rf"\b(?:work|working|continue|contract|deal|project|job|hire|paid|payment|pay|"
                rf"invoice|phase|milestone|next|rest|remaining|future|tasks?|orders?|business|"
                # "$500 if we do it outside Upwork", "I'd charge less off the platform"
                rf"(?:do|doing)\s+(?:it|this|that|everything|the\s+(?:job|work|project|rest))|"
                rf"charge|charging|cheaper|discount)\w*\b{_NO_NOT}{{0,40}}\b{_OUTSIDE}\b|"
                # (not other people's dealings outside, compared: "my rate off-Upwork
                # clients pay is the same $45", "off-platform customers pay $50 too")
                rf"\b{_OUTSIDE}\b(?!{_OTHERS_AFTER}){_NO_NOT}{{0,40}}\b(?:"
                rf"work|working|continue|contract|deal|project|job|hire|paid|payment|pay|cheaper|"
                rf"fees?|invoice|discount)"
                # ("... happens outside Upwork, all project talk stays here": talk, not work)
                r"(?!\w*\s+(?:talk|chat|communication|discussion|conversation|messages?)\b)",
                ("outside", "off", "without"),
                word_start=True,
                gate=words(_OUTSIDE, ("outside", "off", "without"), leading=True),
            ),
            # "direct payment", "settle privately"
            words(
                r"\b(?:direct(?!\s+deposits?\b)|private|off-platform|outside)\s+(?:[\w-]+\s+)?(?:payments?|invoices?|"
                # ("a direct monthly retainer": paid work arranged without the platform)
                r"invoicing|transfers?|billing|deposits?|wires?|bank transfers?|retainers?)\b|"
                r"\b(?:settle|deal|handle (?:the )?payments?)\s+(?:up\s+)?"
                r"(?:privately|directly|"
                r"between us|ourselves|outside)\b",
                ("direct", "private", "off-platform", "outside", "settle", "deal", "handle"),
                leading=True,
            ),
            # "I'd rather not pay Upwork's cut": the platform's fee, not wanted
            words(
                r"\b(?:rather|prefer|want) not (?:to )?pay(?:ing)?\s+(?:for\s+)?"
                r"(?:upwork'?s?|the platform'?s?|platform|their|its|the upwork)\s+(?:[\w-]+\s+)?"
                r"(?:fees?|cut|commission|percentage)\b",
                ("rather not", "prefer not", "want not"),
                leading=True,
            ),
            # the fee, avoided
            words(
                # "since you wouldn't lose the fee": the platform's share kept by going
                # around it (not "you won't lose the fee you paid": a payment, refunded)
                r"\b(?:wouldn'?t|won'?t|don'?t|not|never|no need to)\s+lose\s+(?:(?:the|upwork'?s?|"
                r"platform'?s?|marketplace'?s?|service|\d+\s?%)\s+){1,3}(?:fees?|commission|cut)\b"
                r"(?!\s+(?:(?:that|which)\s+)?(?:you|i|we|paid)\b|\s+(?:for|on|of)\b)|"
                r"\b(?:avoid|avoiding|skip|skipping|bypass|bypassing|save|saves|saving|dodge|"
                r"cut out|get around|escape|no more|without|don'?t (?:want|have) to pay)\s+"
                r"(?:on\s+)?(?:(?:the|paying|upwork'?s?|platform'?s?|marketplace'?s?|those|their|any|"
                r"high|service|all|"
                r"us|you|me|both|on|a|lot|of|some|money|big|huge|extra|\d+\s?%|20|10)"
                r"\s+){0,4}(?:fees?\b|commission\b|cut\b|charges?\b|percentage\b|service fee\b|"
                # "skip the 10%": the platform's share, named by its size alone (not "save
                # 10% on annual plans", "skip the 15% tip screen")
                r"(?:the|upwork'?s?|platform'?s?|their|its|that|those)\s+\d+\s?%"
                # ... and "we avoid the 10% here.": the platform's share, said where it is
                # ("save the 20% here by reusing the templates" goes on: no fee)
                r"(?!\s*(?!(?:here|on\s+(?:upwork|here))(?=\s*(?:[.!?,;:)\n]|$)))\w))",
                (
                    "avoid",
                    "skip",
                    "bypass",
                    "save",
                    "saving",
                    "dodge",
                    "cut out",
                    "get around",
                    "escape",
                    "no more",
                    "without",
                    "don't",
                    "dont",
                    "wouldn't",
                    "wouldnt",
                    "won't",
                    "wont",
                    "not",
                    "never",
                    "no need",
                ),
                leading=True,
                also=(("fee", "commission", "cut", "charge", "percent", "%"),),
            ),
            words(
                r"\b(?:fees?|commission)\b[^.!?\n]{0,30}\b(?:if|when|by)\s+(?:we|you|i)\s+"
                r"(?:pay|work|deal|go)\s+(?:directly|outside|off|privately)\b",
                ("fee", "commission"),
                leading=True,
            ),
            # direct invoicing
            words(
                # "invoice me direct" too, not "invoice the direct costs" or "direct debit";
                # the verb, not the noun ("the invoice directly reflects the hours")
                r"(?<!\bthe )(?<!\ban )(?<!\bthis )(?<!\bthat )(?<!\beach )(?<!\bevery )"
                r"\binvoic\w*\s+(?:[\w']+\s+){0,3}(?:direct(?:ly)?(?!\s+(?:debit|deposit|costs?|"
                r"labou?r|expenses?|mail|hires?|reports?))|privately|personally|"
                # ("off" only as off the platform: "the invoice template looks off" is
                # a fault in a layout)
                r"outside|off(?=[\s-]+(?:upwork|(?:the\s+)?(?:platform|site|books|record)\b)))\b|\bdirect(?:ly)?\s+invoic\w*|\bsend\s+(?:you|me|us)\s+"
                r"(?:an?\s+|my\s+|our\s+)?invoice\s+(?:directly|outside|by e-?mail|via e-?mail|"
                r"through|via)\b|\bsend\s+(?:me\s+|us\s+)?(?:the|your)\s+invoices?\s+(?:directly|straight)\s+"
                r"to\s+(?:me|us)\b|\bsend\s+(?:you\s+)?(?:an?|my|our|the)\s+invoices?\s+(?:directly\s+)?"
                r"to\s+your\s+(?:company\s+|work\s+|personal\s+|business\s+)?e-?mail\b",
                ("invoic", "direct", "send"),
                leading=True,
                also=(("invoic",),),
            ),
            # close the contract and carry on directly
            words(
                r"\b(?:close|end|cancel|finish|wrap up|stop)\s+(?:(?:the|this|our)\s+"
                # ("close this one", "close it here": the contract just spoken of; "wrap up
                # this milestone on Upwork": the platform's unit of the contract)
                r"(?:(?:upwork\s+)?(?:contract|milestone)|one)|it\s+(?:here|now|on upwork))\b"
                r"[^.!?\n]{0,60}\b"
                r"(?:continue|work|pay|"
                # "... and move you onto a direct monthly retainer"
                r"move|switch|transfer|put|bring|take|onboard|"
                r"keep working|keep going|go on|carry on|deal|hire|contract)\w*\b[^.!?\n]{0,30}\b"
                # ("continue with the API directly after": at once, not without the platform)
                r"(?:directly(?!\s+(?:after|afterwards|before|following|next)\b)|outside|"
                r"privately|off|ourselves|between us|on our own|"
                # "... and continue direct" (not "direct messages", "direct deposit")
                r"by ourselves|direct(?!\s+(?:messages?|dms?|deposits?|debits?|links?|access|"
                r"quotes?|mail|line|reports?|contact)\b)|"
                # "... and then continue without it": without the contract just closed
                r"without\s+(?:it|upwork|the\s+platform)(?!['\u2019]))(?!\w)",
                ("close", "end", "cancel", "finish", "wrap up", "stop"),
                leading=True,
                also=(("contract", "one", "milestone"),),
            ),
            # "once this contract closes, shall we keep going on our own?"
            words(
                r"\b(?:once|when|after|as soon as)\s+(?:the|this|our)\s+(?:upwork\s+)?contract\s+"
                r"(?:closes|ends|is (?:closed|done|over|finished|ended))\b[^.!?\n]{0,60}\b"
                r"(?:continue|work|pay|keep working|keep going|go on|carry on|deal)\w*\b"
                r"[^.!?\n]{0,30}\b(?:"
                r"directly|outside|privately|ourselves|between us|on our own|by ourselves)\b",
                ("once", "when", "after", "as soon as"),
                leading=True,
                also=(("contract",),),
            ),
            # "$260 if you'd like to handle payment another way", "we'll figure out
            # another way to settle it": a way to pay other than the platform's
            words(
                r"\b(?:pay(?:ing|ment)?|settle|settling|send(?:ing)? (?:it|the money))\s+"
                r"(?:[\w']+\s+){0,2}(?:(?:in\s+|by\s+)?(?:another|a different|some other|an "
                r"alternative|an?\s+other)\s+(?:way|method|route|means))\b"
                r"|\b(?:another|a different|some other|an alternative|other)\s+(?:way|method|"
                r"route|means)\s+(?:to|of)\s+(?:pay(?:ing)?|settl(?:e|ing)|get(?:ting)? paid|"
                r"send(?:ing)? (?:the )?(?:money|payment)|handl(?:e|ing) (?:the )?payment)\b"
                r"(?!\s+(?:on|in|through|via|within|inside)\s+(?:upwork|here|the platform))",
                (
                    "pay",
                    "settl",
                    "send",
                    "another",
                    "a different",
                    "some other",
                    "an alternative",
                    "other",
                ),
                leading=True,
                also=(("another", "different", "other", "alternative"),),
            ),
            # "(we work with freelancers directly,) you keep 100% of it": no platform fee
            words(
                rf"\b(?:directly|privately|outside|between us)\b[^.!?\n]{{0,80}}{_KEEP_ALL}"
                rf"|{_KEEP_ALL}[^.!?\n]{{0,40}}\b(?:directly|privately|outside|between us)\b",
                ("keep",),
                reach=(130, 120),
            ),
            # "billed directly from my LLC", "charged straight to your card"
            words(
                # (not "call the billing office directly": billing as a department)
                r"\b(?:bill(?:ed)?|billing(?!\s+(?:office|department|dept|team|desk|line|contact|"
                r"address|portal|page|cycle|period|info\w*|details?|system)\b)|charg(?:ed|ing))\s+"
                r"(?:[\w']+\s+){0,2}(?:directly|straight)\b(?!\s+(?:through|via|on|in)\s+upwork)",
                ("bill", "charg"),
                leading=True,
            ),
            # "I'll send invoices straight to your accounts team"
            words(
                r"\b(?:send\w*|email\w*|submit\w*|issu\w*)\s+(?:you\s+)?(?:the\s+|those\s+|"
                r"these\s+|my\s+|our\s+)?(?:monthly\s+)?invoices?\s+(?:straight\s+|directly\s+)?"
                r"to\s+(?:your|the)\s+(?:company|firm|business|accounts?|finance|ap|"
                r"accounting|billing)\b",
                ("send", "email", "submit", "issu"),
                leading=True,
                also=(("invoice",),),
            ),
            # Dodging the fee or the platform: "it avoids the service fee", "we skip Upwork
            # entirely", "move billing off Upwork", "keep working directly", "pay the rest
            # outside", "work something out between us".
            words(
                r"\b(?:avoid|avoids|avoiding|skip|skips|skipping|dodge|bypass|escape|save on|"
                r"saves on|cut out)\s+(?:the\s+|upwork'?s?\s+|their\s+|all\s+(?:the\s+)?)?"
                r"(?:service\s+|platform\s+|upwork\s+)?"
                r"(?:fees?|commission|cut|upwork|the platform)\b"
                r"|\blos(?:e|es|ing)\s+(?:money|\d+\s?%)\s+(?:on|to)\s+(?:upwork|the platform)"
                r"(?:'s)?\s+(?:fees?|commission)"
                r"|\b(?:move|moving|take|taking|shift|switch)\s+(?:the\s+|our\s+)?"
                r"(?:billing|payments?|invoic\w+|contract|payroll)\s+(?:off|outside)\b"
                # "move the monthly retainer off-platform"
                r"|\b(?:move|moving|take|taking|shift|shifting|switch|switching)\s+"
                r"(?:the\s+|our\s+|this\s+)?(?:monthly\s+|weekly\s+|ongoing\s+)?"
                r"(?:retainer|project|work|job|hours|subscription)\s+"
                r"(?:off[\s-](?:the\s+)?(?:platform|upwork|site)|"
                r"outside\s+(?:of\s+)?(?:upwork|the platform))\b"
                r"|\b(?:keep|continue|start)\s+working\s+(?:together\s+)?directly\b"
                r"|\b(?:bill|charge)\s+(?:you|u|them|him|her|me|us)\s+directly\b"
                # "your invoice can come straight to us", "you pay by check"
                r"|\binvoices?\b[^.!?\n]{0,40}\b(?:come|go|be sent|get sent)\s+"
                r"(?:straight|directly)\s+to\s+(?:us|me|our|my)\b"
                r"|\bpay\s+(?:you\s+|me\s+|us\s+|it\s+|that\s+|this\s+|them\s+|"
                r"the\s+(?:invoice|bill|balance|rest|remainder)\s+)?"
                r"by\s+(?:check|cheque|(?:bank\s+|wire\s+)?transfer)\b"
                # "email me an invoice with your bank details": an invoice to pay outside
                r"|\b(?:invoice|bill)s?\s+(?:with|showing|that has|including)\s+(?:your|ur)\s+"
                r"(?:(?:bank(?:ing)?|account|wire|payment)\s+){1,2}(?:details|info|information|number)\b"
                r"|\binvoice\s+to\s+(?:your|our|the)\s+(?:accounts?|finance|billing|ap)\b"
                r"|\binvoices?\s+(?:for|payable by|paid by)\s+(?:bank\s+|wire\s+)?transfer\b"
                r"|\b(?:invoic\w*|bill(?:ing)?)\s+(?:you\s+)?(?:(?:monthly|weekly|separately)\s+)?"
                r"(?:through|via|from|with|using)\s+my\s+own\s+"
                r"(?:[\w-]+\s+)?(?:company|business|agency|llc|ltd|firm|invoic\w*|billing|system|"
                r"software|tool|platform)\b"
                # "I bill you monthly from my LLC": one's own firm as the biller
                r"|\b(?:invoic\w*|bill(?:ing)?)\s+(?:you\s+)?(?:(?:monthly|weekly|separately)\s+)?"
                r"(?:through|via|from|with|using)\s+my\s+(?:[\w-]+\s+)?(?:llc|ltd|inc|gmbh|s\.?r\.?l|"
                r"sole proprietorship)\b(?![^.!?\n]{0,30}\b(?:on|through|via|in)\s+upwork)"
                # "we can keep paying the old way", "just keep invoicing us as before"
                # "sign your direct contractor agreement": the contract itself off Upwork
                r"|\bsign\w*\s+(?:a|an|the|your|our|my)\s+direct\s+(?:contractor\s+|consulting\s+|"
                r"service\s+|freelance\s+)?(?:agreement|contract)s?\b"
                r"(?![^.!?\n]{0,24}\b(?:on|through|via|in|with)\s+upwork)"
                # "I'll send you a PO from our procurement system", "we pay you on our
                # normal contractor run", "you'll be on our vendor payroll"
                r"|\b(?:send|issue|raise|pay)\w*\s+(?:you\s+)?(?:an?\s+|the\s+)?"
                r"(?:po|purchase order|invoices?|payments?)?\s*(?:from|through|via|out of)\s+"
                r"(?:our|my)\s+(?:own\s+)?"
                r"(?:[\w-]+\s+){0,2}(?:system|software|portal|erp)\b"
                r"|\bpay\w*\s+(?:you\s+)?(?:on|in|with|through)\s+(?:our|the)\s+(?:normal\s+|usual\s+|"
                r"regular\s+|monthly\s+|weekly\s+)?(?:contractor|payroll|vendor|supplier|payment|pay)\s+"
                r"runs?\b"
                r"|\b(?:you'?ll|you will|you'?d|you would|you can)\s+be\s+(?:paid\s+)?"
                r"(?:on|through|via)\s+"
                r"(?:our|the company'?s?)\s+(?:[\w-]+\s+){0,2}payroll\b"
                r"|\bpay\s+(?:me|us|you)\s+(?:the\s+way\s+(?:you|we)\s+always\s+(?:have|did)|"
                r"the\s+(?:old|usual|same)\s+way|as\s+(?:before|usual|always)|like\s+(?:before|always))\b"
                r"|\b(?:keep|continue|carry on|go on)\s+(?:paying|invoicing|billing|sending\s+"
                r"(?:(?:the|your|my|our)\s+)?(?:[\w-]+\s+)?invoices)\s+(?:you\s+|me\s+|us\s+|"
                r"(?:the\s+)?[\w-]+\s+to\s+(?:me|us)\s+)?"
                r"(?:the\s+old\s+way|the\s+(?:usual|same)\s+way|as\s+(?:before|usual|always)|like\s+"
                r"(?:before|always|we\s+used\s+to))\b"
                r"|\b(?:handle|do|sort|settle|arrange|work)\s+(?:out\s+)?(?:the\s+)?(?:billing|payments?|"
                r"invoicing|it|that|this)\s+(?:out\s+)?between\s+(?:us|ourselves)\b"
                + _STILL_HERE
                + r"|\b(?:no|without|skip|cut out|no need for)\s+(?:the\s+|a\s+|any\s+)?"
                r"middle\s?m[ae]n\b"
                r"|\bpayment\s+link\s+(?:from|on|through)\s+my\s+(?:own\s+)?"
                r"(?:site|website|store|shop|page)\b"
                r"|\b(?:pay|send|transfer)\s+(?:you\s+|me\s+)?(?:the\s+)?(?:other\s+)?"
                r"(?:rest|remainder|balance|difference|[$€£]\s?\d[\d,.]*k?|\d[\d,.]*\s?(?:usd|eur|"
                r"gbp|dollars|euros))\s+outside\b|\bwork\s+(?:something|it)\s+out\s+between\s+(?:us|ourselves)\b"
                # "you send the rest via the app we talked about": the remainder elsewhere
                r"|\b(?:pay|send|transfer)\s+(?:you\s+|me\s+)?(?:the\s+)?(?:rest|remainder|balance)\s+"
                r"(?:via|through|on|by|with|using)\s+(?!upwork\b|the platform\b|here\b|"
                r"(?:an?\s+|the\s+)?(?:final\s+|last\s+|next\s+|new\s+|separate\s+)?(?:milestones?|bonus|contract|offer)\b)"
                r"(?:[\w'-]+\s+){0,2}[\w'-]+"
                # "that retainer continues on my usual monthly invoice": billed as before
                r"|\b(?:continue|stay|remain|keep|go|add|put)\w*\s+(?:(?:it|this|that|them|the\s+[\w-]+"
                r"(?:\s+[\w-]+)?)\s+)?"
                r"(?:on|with|via|through|under|to|onto)\s+(?:my|our|your)\s+(?:usual|regular|normal|own|old|same|existing)\s+"
                r"(?:monthly\s+|weekly\s+|direct\s+)?(?:invoices?|invoicing)\b",
                (
                    "avoid",
                    "skip",
                    "dodge",
                    "bypass",
                    "escape",
                    "save on",
                    "saves on",
                    "cut out",
                    "los",
                    "move",
                    "moving",
                    "take",
                    "taking",
                    "shift",
                    "switch",
                    "sign",
                    "you",
                    "issue",
                    "raise",
                    "keep",
                    "continue",
                    "stay",
                    "remain",
                    "go",
                    "add",
                    "put",
                    "start",
                    "pay",
                    "send",
                    "transfer",
                    "work",
                    "bill",
                    "charge",
                    "invoice",
                    "handle",
                    "do",
                    "sort",
                    "settle",
                    "arrange",
                    "no",
                    "without",
                    "cut out",
                    "payment link",
                ),
                leading=True,
            ),
            # "could we do it via Wise directly?", "do the next part through Payoneer"
            words(
                r"\b(?:do|handle|settle|send|make|finish|pay)\s+(?:it|this|that|them|the\s+"
                r"(?:next|rest|remaining|final|last|other)\s+(?:part|phase|milestone|payment|"
                r"bit|invoice|stage)s?)\s+(?:via|through|by|on|with|over|using)\s+"
                # ("via the blue P app": "the" before an app named by a riddle)
                r"(?:my\s+|our\s+|the\s+(?=(?:blue|green|purple|yellow|red)\s|[a-z]\s+app\b))?"
                rf"(?P<app>{pay})\b"
                rf"|\b(?:via|through|by|on|with|over|using)\s+(?P<app2>{pay})\s+(?:directly|"
                r"privately|instead|outside)\b",
                (
                    "do",
                    "handle",
                    "settle",
                    "send",
                    "make",
                    "finish",
                    "pay",
                    "via",
                    "through",
                    "by",
                    "on",
                    "with",
                    "over",
                    "using",
                ),
                leading=True,
                also=(pay_words,),
            ),
            # "hire me directly", "hire us outside Upwork": a contract that skips the platform
            words(
                r"\b(?:hir(?:e|ing)|contract(?:ing)?|engag(?:e|ing)|onboard(?:ing)?)\s+"
                r"(?:me|us|you|him|her|them)\s+(?:directly|privately|"
                rf"without\s+upwork|{_OUTSIDE_AFTER_PAY})\b",
                ("hire", "hiring", "contract", "engag", "onboard"),
                leading=True,
            ),
            # a discount or better rate for paying outside
            words(
                r"\b(?:discount|cheaper|lower (?:rate|price)|better (?:rate|price|deal)|"
                r"\d+\s?% off|reduced rate)\b[^.!?\n]{0,60}"
                r"\b(?:(?:pay|paid|payment|work|deal|send|sent|transfer)\w*\b"
                rf"[^.!?\n]{{0,30}}\b(?:directly|outside|off|privately|"
                rf"(?:via|through)\s+(?:the\s+)?{pay})|"
                # "cheaper if you pay some other way instead of here"
                r"(?:pay|paid|payment)\w*\b[^.!?\n]{0,30}\binstead of (?:here|upwork|"
                r"the platform|this (?:site|platform))(?!\s+(?:credits?|connects|balance)))\b",
                ("discount", "cheaper", "lower", "better", "% off", "reduced"),
                also=(("direct", "outside", "off", "private", "via", "through", "instead of"),),
            ),
        )
        verbs = cues.app_names("payment_verbs")
        self.solicitation += (
            # "I'll just Venmo you", "can you Zelle me the rest"
            words(
                rf"\b(?P<app>{verbs})\s+(?:you|u|me|us|him|her|them|it)\b",
                anchors_of(vocabulary()["apps"]["payment_verbs"]),
                starts_within=anchor_offset(vocabulary()["apps"]["payment_verbs"]),
            ),
            # "put you on our payroll", "hire you through our EOR"
            words(
                # ("moving you onto our payroll", not "add you to our payroll system" as a
                # user of the tool)
                r"\b(?:put(?:ting)?|add(?:ing)?|hav(?:e|ing)|hir(?:e|ing)|onboard(?:ing)?|"
                r"bring(?:ing)?|pay(?:ing)?|tak(?:e|ing)|mov(?:e|ing)|switch(?:ing)?|"
                r"transfer(?:ring)?)\s+(?:you|u|him|her|them)\s+"
                r"(?:(?:on|onto|to|into|through|via|with|under)\s+(?:our|my|the company'?s?|an?)\s+"
                # "move you to our regular vendor payments (ACH)": the client's own payment run
                r"(?:[\w-]+\s+){0,2}?(?:payroll|eor|employer of record|agency|company|"
                r"(?:vendor|supplier|contractor|ap|accounts payable)\s+"
                r"(?:payments?|payment\s+runs?|pay\s+runs?))"
                r"(?!\s+(?:system|software|tool|app|account|platform|portal|dashboard|module|"
                r"spreadsheet|reports?|data|records?|files?|admin|settings|channel|chat|group|"
                r"workspace|page|website|site|drive|folder)\b)|"
                r"(?:on\s+)?(?:[\w-]+\s+){0,3}(?:through|via|with)\s+(?:deel|gusto|rippling|"
                r"oyster|remote\.com|papaya|multiplier|an? eor|our eor|payroll))\b",
                (
                    "put",
                    "add",
                    "hav",
                    "hir",
                    "onboard",
                    "bring",
                    "pay",
                    "tak",
                    "mov",
                    "switch",
                    "transfer",
                ),
                leading=True,
                also=(
                    (
                        "payroll",
                        "eor",
                        "employer",
                        "agency",
                        "company",
                        "deel",
                        "gusto",
                        "rippling",
                        "oyster",
                        "remote.com",
                        "papaya",
                        "multiplier",
                        "vendor",
                        "supplier",
                        "contractor",
                        "payable",
                        " ap ",
                    ),
                ),
            ),
            # "bill our company directly", "send your invoices to our accounts payable"
            words(
                r"\b(?:bill|invoice|charge)\s+(?:(?:our|my|the|your)\s+)?(?:company|business|firm|"
                r"llc|ltd|agency|corporate card|accounts? payable|finance (?:team|department)|"
                r"ap department)\b(?!\s+(?:through|via|on|in|using)\s+(?:upwork|the platform))|"
                r"\bsend\s+(?:your\s+|the\s+|all\s+)?invoices?\s+(?:directly\s+)?to\s+"
                r"(?:our|my|the)\s+(?:accounts? payable|accounting|finance|billing|ap)\b",
                ("bill", "invoice", "charge", "send"),
                leading=True,
                also=(
                    (
                        "company",
                        "business",
                        "firm",
                        "llc",
                        "ltd",
                        "agency",
                        "corporate",
                        "payable",
                        "finance",
                        "accounting",
                        "billing",
                        "ap ",
                    ),
                ),
            ),
            # "invoice you directly instead of through Upwork", "payroll would run through
            # Deel instead of Upwork"
            words(
                r"\b(?:pay\w*|invoic\w*|bill\w*|transfer\w*|send\w*|payroll|salary|wire\w*|"
                r"run|settle\w*)\b[^.!?\n]{0,60}\binstead of\s+(?:(?:through|via|on|using|"
                r"paying)\s+)?(?:upwork|the platform)\b",
                ("instead of",),
                gate=words(
                    r"\binstead of\s+(?:(?:through|via|on|using|paying)\s+)?"
                    r"(?:upwork|the platform)\b",
                    ("instead of",),
                    leading=True,
                ),
            ),
            # "switch to direct bank transfer", "let's move payments to Wise"
            words(
                r"\b(?:switch|move|go|change|moving|switching)\s+(?:[\w']+\s+){0,3}?"
                rf"(?:over\s+)?(?:on)?to\s+(?:a\s+)?(?:direct\s+)?(?P<app>{pay})\b",
                ("switch", "move", "go", "change", "moving", "switching"),
                leading=True,
                also=(pay_words,),
            ),
            # "mail you a check", "no need to go through Upwork escrow", "the real figure
            # we can agree privately"
            words(
                r"\b(?:mail|send|post|write|courier)\s+(?:you\s+|me\s+|him\s+|her\s+)?(?:a\s+)?"
                r"(?:paper\s+|personal\s+|company\s+)?(?:check|cheque)s?\b|"
                # ("no need to route this one through here"; not "... through Upwork again":
                # paid there already)
                r"\bno need (?:to )?(?:go|pay|run|do|put|process|book|bill|send|push|keep|route)"
                r"(?:\s+(?:it|this|that|these|them|this one|that one|the \w+|the \w+ \w+))? "
                r"(?:through|via|on|over) (?:upwork|the platform|here)\b"
                r"(?! (?:again|twice|as (?:a|an) (?:separate|new|extra|second)))|"
                r"\b(?:agree|arrange|negotiate|work out|sort out|settle)\w*\s+(?:[\w']+\s+){0,3}"
                r"(?:privately|directly|off-?platform|offline|between us)\b" + _STILL_HERE,
                (
                    "mail",
                    "send",
                    "post",
                    "write",
                    "courier",
                    "no need",
                    "agree",
                    "arrange",
                    "negotiate",
                    "work out",
                    "sort out",
                    "settle",
                ),
                leading=True,
                also=(
                    (
                        "check",
                        "cheque",
                        "through",
                        "via",
                        "on",
                        "privately",
                        "directly",
                        "off",
                        "offline",
                        "between us",
                    ),
                ),
            ),
            # "Western Union to my name is easiest, then we don't need the escrow": a rail
            # named with the platform's escrow done without
            words(
                rf"\b(?P<app>{pay})\b[^.!?\n]{{0,80}}\b(?:don'?t|do not|won'?t|wouldn'?t|"
                r"will not|would not)\s+(?:even\s+)?need\s+(?:the\s+|upwork'?s?\s+|any\s+)?"
                r"escrow\b|\b(?:skip|avoid|bypass|without|no need for)\s+(?:the\s+|upwork'?s?\s+|"
                rf"any\s+)?escrow\b[^.!?\n]{{0,60}}\b(?P<app2>{pay})\b{_NOT_BUILT}",
                ("escrow",),
                also=(pay_words,),
            ),
            # "send you the MTCN", "I'll give you the reference to collect"
            words(
                r"\b(?:send|share|give|text|forward|pass)\s+(?:you\s+|me\s+|us\s+)?(?:the\s+)?"
                r"(?:mtcn|control number|reference number to collect)\b",
                ("send", "share", "give", "text", "forward", "pass"),
                leading=True,
                also=(("mtcn", "control number", "collect"),),
            ),
            # "I'll send the usual PayPal invoice", "send me a Wise payment request"
            words(
                r"\b(?:send|sending|sent|issue|raise|email|forward)\s+(?:you\s+|u\s+|me\s+|us\s+)?"
                r"(?:a|an|the|my|our|your)\s+(?:usual\s+|regular\s+|new\s+|quick\s+|normal\s+)?"
                rf"(?P<app>{pay})\s+(?:invoice|request|payment request|money request|bill)s?\b",
                ("send", "sent", "issue", "raise", "email", "forward"),
                leading=True,
                also=(pay_words,),
            ),
        )
        self.account = words(
            rf"\b(?:my|our)\s+(?P<app>{pay})\s*(?:account|acc|id|email|e-?mail|handle|tag|"
            r"username|number|address|details|info|link)?\s*(?:is|:|=|-)?\s*"
            r"(?P<id>\$?[\w.+\-]+@[\w.\-]+\.\w+|\$[a-z][\w]{1,19}|@[\w.\-]{1,29}\w"
            r"|\+?\d[\d \-]{6,16}\d)?",
            ("my", "our"),
            leading=True,
            also=(pay_words,),
        )
        # "Venmo me", "PayPal: jane@..."
        # A payment app's name starts at most this far before its anchor.
        offset = anchor_offset(vocabulary()["apps"]["payment"])
        self.app_me = words(
            rf"\b(?P<app>{pay})\s+(?:me|us)\b",
            pay_words,
            also=((" me", " us"),),
            starts_within=offset,
        )
        self.app_id = words(
            rf"\b(?P<app>{pay})\s*(?:id|handle|tag|account|acc|email|e-?mail|username|number|no\.?)?"
            r"\s*[:=]\s*(?P<id>\$?[\w.+\-]+@[\w.\-]+\.\w+|\$[a-z][\w]{1,19}|@[\w.\-]{1,29}\w|"
            r"\+?\d[\d \-]{6,16}\d)",
            pay_words,
            also=((":", "="),),
            starts_within=offset,
        )
        self.app_at = words(
            rf"\b(?P<app>{pay})\s*(?:id|handle|tag|username|user)?\s*(?:is\s+)?"
            # "Revolut is easiest for me: @marcinsz": a few words, then a colon
            r"(?:(?:[\w']+\s+){1,5}?(?:for\s+me|for\s+us)?\s*[:\u2192-]\s*)?"
            r"(?P<id>@[a-z][\w.\-]{1,29}\w|\$[a-z][\w]{1,19})",
            pay_words,
            also=(("@", "$"),),
            starts_within=offset,
        )
        ids = "|".join(vocabulary()["apps"]["payment_id_domains"])
        self.upi = words(
            rf"(?<![\w.@])[a-z0-9][\w.\-]{{1,60}}@(?:{ids})(?![\w@]|\.[a-z])",
            ("@",),
        )
        self.pix = words(
            r"\b(?:chave\s+)?pix\s*(?:key|chave)?\s*(?::|=|-|é|e|is|\u2192)?\s*"
            r"(?P<id>[\w.+\-]+@[\w.\-]+\.[a-z]{2,}|\+?\d[\d .\-/()]{9,18}\d|"
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
            ("pix",),
            leading=True,
        )
        self.mtcn = words(
            r"\b(?:mtcn|control\s+(?:no|number))\.?\s*(?:#|no\.?|number|code|is|:)?\s*[:#]?\s*"
            r"\d{3}[ \-]?\d{3}[ \-]?\d{4}\b",
            ("mtcn", "control"),
            leading=True,
        )
        # "the PayPal for the monthly fee is still coach.rina@...": an account given for
        # what it pays, its address after "is"
        self.app_is = words(
            # ("the" only with what it is for: "the Stripe account is admin@shop.com" may
            # be the work's login)
            rf"\b(?:my|our|the(?=\s+(?:[\w.-]+\s+){{1,3}}for\s))\s+(?P<app>{pay})\s*"
            r"(?:account|acc|id|email|e-?mail|handle|tag|"
            r"username|address|details)?\s+(?:for\s+(?:[\w'$€£.,-]+\s+){1,4}?)?(?:is|are|'s)\s+"
            r"(?:still\s+|now\s+|just\s+|the same\s*:?\s*)?"
            r"(?P<id>[\w.+\-]+@[\w.\-]+\.\w+|\$[a-z][\w]{1,19}|@[\w.\-]{1,29}\w)",
            ("my", "our", "the"),
            leading=True,
            also=(pay_words, ("@", "$")),
        )
        # One quick look for all of them: most drafts hold none of what they need.
        self.needed = needed_by_any(
            (
                *self.solicitation,
                self.app_is,
                self.account,
                self.app_me,
                self.app_id,
                self.app_at,
                self.pix,
                self.mtcn,
            )
        )
        # "$JayBeats01", "$ JayBeats01" (the space to slip past a filter)
        self.cashtag = compile_lower(r"(?<![\w$])\$ ?[a-z][a-z0-9_]{1,19}\b")
        self.cash_app = compile_lower(r"\bcash\s?app\b|\bcashtag\b")


# "sort it out between us here than open a dispute": on the platform still.
_STILL_HERE = r"(?!\s+(?:here|on\s+upwork|through\s+upwork|in\s+(?:this|the)\s+chat)\b)"


@cache
def _p() -> _Patterns:
    # Built on first use: the app lists come from the vocabulary file.
    return _Patterns()


def detect(draft: Draft) -> Iterator[Match]:
    """Yield solicitations to pay outside the platform and payment accounts."""
    p = _p()
    text = draft.lower
    named = "cash" in text and p.cash_app.search(text) is not None
    if named or ("$" in text and _SENT_TO.search(text)):
        for m in p.cashtag.finditer(text):
            if not named and not _paid_to(draft, m.start()):
                continue
            if work.sample_value(draft, m.start()):
                continue  # "test with sandbox tag $TestBuyer01": a stand-in account
            if _handle_word(m.group(0)) and not _WHOSE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                # "how to set up a $Cashtag": the word for a handle, nobody's (but "send me
                # ur $cashtag" asks for the reader's)
                continue
            yield Match("payment_handle", m.start(), m.end(), evidence={"app": "Cash App"})
    for m in draft.find(p.upi):
        yield Match("payment_handle", m.start(), m.end(), evidence={"app": "UPI"})
    yield from _billing(draft)
    if not draft.holds_any(p.needed):
        return
    for found in (p.app_at, p.app_is, p.pix, p.mtcn):
        for m in draft.find(found):
            if found is p.app_at and _mailbox(draft, m):
                continue  # "payroll@ourcompany.com": an address, the email detector's
            yield Match("payment_handle", m.start(), m.end(), evidence=_app(m))
    for solicitation in p.solicitation:
        for whole in draft.find(solicitation):
            m = _tightest(solicitation, text, whole)
            if _not_offered(draft, m):
                continue
            yield Match(
                "off_platform_payment", m.start(), m.end(), evidence=_app(m), negatable=True
            )
    for m in draft.find(p.account):
        if m.group("id"):
            yield Match("payment_handle", m.start(), m.end(), evidence={"app": m.group("app")})
        elif (
            m.group(0).rstrip() != m.group(0)[: m.end("app") - m.start()].rstrip()
            # ("our vendor portal is slow": a client's system, no account of anybody's)
            and not m.group("app").endswith("portal")
            and not _is_topic(draft, m)
            and not platform_money(draft, m.start())
            and not work.feature_item(draft, m.start())
            and not _account_state(draft, m.end())
        ):
            yield Match(
                "off_platform_payment", m.start(), m.end(), evidence=_app(m), negatable=True
            )
    for m in draft.find(p.app_me):
        yield Match("off_platform_payment", m.start(), m.end(), evidence=_app(m), negatable=True)
    for m in draft.find(p.app_id):
        yield Match("payment_handle", m.start(), m.end(), evidence={"app": m.group("app")})


def _not_offered(draft: Draft, m: re.Match[str]) -> bool:
    """Whether a solicitation phrase is no offer to pay outside the platform: a topic of
    the work, the platform's own money, a refused app, a feature, a document's words or
    quoted content."""
    text = draft.lower
    if _is_topic(draft, m) or platform_money(draft, m.start()) or _fees_left_out(draft, m):
        return True
    if not _app(m) and _pays_another(draft, m):
        return True  # "you'd pay GoDaddy directly for the domain" (_is_topic saw the rest)
    if not _app(m) and _users_pay(draft, m):
        return True  # "a macro for people asking if they can pay by bank transfer"
    if _app(m) and _PLATFORM_NOT_APP.search(text, m.start(), m.start(_app_group(m))):
        return True  # "send the rest through Upwork, not via PayPal": the app refused
    if _NOT_AN_AGENCY.match(draft.lower, m.end()):
        return True  # "hire you directly rather than through the agency"
    if _RULES_AFTER.match(draft.lower, m.end()):
        return True  # "off-platform payment / non-circumvention clauses": the topic
    if _fees_compared(draft, m) or _product_requirement(draft, m):
        # "I compared the fees on Stripe and PayPal; Stripe is cheaper", "the app
        # must mark invoices paid by bank transfer": talk of the tools, a feature
        return True
    if _FEATURE.match(m.group(0)) and cues.DEVELOPMENT.search(draft.lower):
        return True  # "card payments via Stripe" in a proposal to build them
    if work.feature_item(draft, m.start()):
        return True  # "- bank transfer option: show our IBAN on the invoice PDF"
    if work.document_part(draft, m.start()):
        return True  # "Clause 7 (Payment): fees are payable by bank transfer"
    if work.quoted_content(draft, m.start()):
        return True  # a guide 'How to send USDT on TRC-20 safely' to write
    # 'the invoice footer: "Please pay by bank transfer ...': quoted content
    opens = _QUOTE_MARK.search(m.group(0))
    return bool(
        opens
        and draft.text[m.start() + opens.end() : m.start() + opens.end() + 1].isupper()
        and work.quoted_content(draft, m.start() + opens.end())
    )


def _tightest(words: WordPattern, text: str, m: re.Match[str]) -> re.Match[str]:
    """The match ending where ``m`` does that starts last: "send me your email and ill
    send $50 through cash app" offers the payment from its second "send" (the first
    asks for an address, a finding of its own)."""
    if not words.leading:
        return m
    best = m
    for word in _WORD_START.finditer(text, m.start() + 1, m.end()):
        at = word.start()
        # Only past a clause's end: "send the last payment through MoneyGram" is one offer.
        if text.startswith(words.anchors, at) and _CLAUSE_JOIN.search(text, m.start(), at):
            later = words.pattern.match(text, at)
            if later is not None and later.end() == m.end():
                best = later
    return best


_WORD_START = re.compile(r"\b\w")
_CLAUSE_JOIN = re.compile(r"[,;:]|\b(?:and|but|so|then)\b")


# Money sent somewhere: "send it through ...", "pay me to ...", "tip $20 via ...".
_SENT_TO = re.compile(
    r"\b(?:send|pay|transfer|tip)\w*\s+"
    r"(?:(?:it|me|us|(?:the\s+)?[$\u20ac\u00a3]\s?\d[\d,.]*|the\s+\w+)\s+)?"
    r"(?:to|through|via|on|over|with)\b"
)
_AMOUNT = re.compile(r"[$\u20ac\u00a3]\s?\d")


def _paid_to(draft: Draft, at: int) -> bool:
    """Whether a "$tag" with Cash App not named is where money is sent: its sentence
    sends money and names an amount ("$300 instead of $400 if you send it through the
    green app, $jaydubdesigns"), as a variable in code ("$user") never does."""
    sentence = draft.sentence(at).lower()
    return _SENT_TO.search(sentence) is not None and _AMOUNT.search(sentence) is not None


# Whose the handle named by its word is: "your $cashtag", "ur $tag".
_WHOSE = re.compile(r"\b(?:my|your|ur|yr|his|her|their|our)\s*$")


def _handle_word(tag: str) -> bool:
    """Whether a "$tag" is the word for a handle written in a handle's shape ("$Cashtag",
    "$username"), not a handle: ``[examples] handle_words`` in vocabulary.toml."""
    return tag.lstrip("$ ").rstrip("0123456789").lower() in _handle_words()


@cache
def _handle_words() -> frozenset[str]:
    return frozenset(vocabulary()["examples"]["handle_words"])


# A quotation opening inside a match: the words before it and the app in it belong to
# different texts (a brief's words and the content it quotes, which opens as a sentence
# does: 'pay me "by PayPal"' is one text).
_QUOTE_MARK = re.compile('["\u201c\u201e\u00ab]')


def _mailbox(draft: Draft, m: re.Match[str]) -> bool:
    """Whether an app's name joined to "@domain.tld" is an email address's local part
    ("payroll@ourcompany.com"), not the app named before a handle ("Venmo @jo.b")."""
    at = m.start("id")
    return (
        m.end("app") == at
        and draft.lower.startswith("@", at)
        and _DOMAIN.fullmatch(draft.lower, at + 1, m.end()) is not None
    )


#: A domain after "@": labels and a letters-only last one ("ourcompany.com").
_DOMAIN = re.compile(r"[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.[a-z]{2,24}")


# What the business's own merchant account has or is: "our Stripe account already has the
# domain verified" (a thing of the work, not an account offered to be paid into).
# (The account pattern may have taken the "is" already: "our Stripe account is | verified".)
# A trouble it is in names it too: "our Stripe account is on hold", "was suspended".
_ACCOUNT_STATE = re.compile(
    r"\s*(?:already\s+|also\s+|now\s+|still\s+)?(?:has|have|had|shows|supports|holds|lists|"
    r"(?:(?:is|was)\s+)?(?:already\s+|now\s+|still\s+|currently\s+|fully\s+)?(?:set up|"
    r"verified|connected|linked|live|in (?:test|live|sandbox) mode|created|approved|integrated|"
    r"suspended|frozen|limited|restricted|on hold|under review|flagged|deactivated|closed))\b"
)


# Money sent to the account, asked in its sentence: "... is connected, just send it there".
_SENT_TO_IT = re.compile(
    r"\b(?:send|sent|pay|paid|transfer|wire|deposit)\w*\b[^.!?\n]{0,30}\b(?:there|to (?:it|that)|"
    r"into (?:it|that)|that way)\b"
)


def _account_state(draft: Draft, end: int) -> bool:
    """Whether the words after "our Stripe account (is)" tell what state the business's
    merchant account is in, and nobody is asked in the sentence to send money to it."""
    if not _ACCOUNT_STATE.match(draft.lower, end):
        return False
    return not _SENT_TO_IT.search(draft.lower, end, draft.sentence_bounds(end)[1])


def _users_pay(draft: Draft, m: re.Match[str]) -> bool:
    """A rail named with the product's users or customers paying ("people asking if they
    can pay by bank transfer"), nobody of the two inside the match."""
    if _PERSON.search(m.group(0)):
        return False
    before = _third_party().search(draft.lower, max(0, m.start() - 40), m.start())
    return before is not None and not _reader_paid(draft, m.end())


# "directly" set against a go-between, not the platform: "(hire you directly) rather than
# through the agency that contacted me".
# The platform named as the way, the app after it refused: "through Upwork, not via PayPal".
_PLATFORM_NOT_APP = re.compile(
    rf"\b(?:through|via|on|over|using|with|in)\s+{_PLATFORM}\b[^.!?\n]{{0,60}}?"
    r"\s*[,;\u2014-]?\s*(?:and\s+|but\s+)?"
    r"(?:not|never)\s+(?:(?:via|through|by|with|on|using|over|in|into|to)\s+)?"
    r"(?:(?:my|your|our|the|a)\s+)?$"
)


_NOT_AN_AGENCY = re.compile(
    r"[,\s]*(?:rather than|instead of|not|than)\s+(?:through|via|with)?\s*"
    r"(?:the|an?|that|this|your|their)\s+(?:[\w-]+\s+)?(?:agency|agencies|recruiter|middle-?man|broker|staffing|"
    r"outsourcing|reseller|subcontractor)\b"
)


# A gap with no negation in it: "milestones only - we do not pay outside Upwork" is two
# clauses, the second refusing.
_NO_NOT = r"(?:(?!\b(?:not|never|no|don'?t|won'?t|can'?t)\b)[^.!?\n])"


# Keeping the whole amount: "you keep 100% of it", "you'd keep the full amount".
_KEEP_ALL = (
    r"\b(?:you|u|i|we)(?:\s+|'d\s+|'ll\s+)(?:(?:would|will|can|could|get to)\s+)?keep\s+"
    r"(?:all\s+|the\s+)?(?:100\s?%|(?:the\s+)?(?:full|whole|entire) (?:amount|rate|fee|payment)|"
    r"every (?:cent|penny|dollar)|all of it)"
)


# Words after a match that make it a subject of rules or writing, not a proposal.
_RULES_AFTER = re.compile(
    r"[^.!?\n]{0,40}?\b(?:clauses?|provisions?|polic(?:y|ies)|terms of service|tos|section|"
    r"compliance|rules)\b"
    # what it costs: "off-platform payments can get both our accounts suspended"
    r"|\w*\s+(?:\w+\s+){0,2}?(?:can|could|will|would|might|may)\s+(?:\w+\s+){0,4}?"
    r"(?:suspended|banned|closed|terminated|flagged|blocked)\b"
    r"|\w*\s+(?:are|is)\s+(?:\w+\s+)?(?:against|forbidden|prohibited|banned|not allowed)\b"
)
# A payment named as a feature ("payments with Stripe", "card payments via Stripe").
_FEATURE = re.compile(r"payments\b")


# Who does without the fee: "we can do it without the fees" is a proposal; "sales
# recorded without the fees" is bookkeeping.
_WITHOUT_WHO = re.compile(
    r"\b(?:we|you|u|i|us|me|pay|paid|paying|payment|work|working|deal|directly|hire|do it)\b"
)


def _fees_left_out(draft: Draft, m: re.Match[str]) -> bool:
    """Whether a "without the fees" match has nobody in its clause doing without."""
    if not draft.lower.startswith("without", m.start()):
        return False
    start = max(draft.sentence_bounds(m.start())[0], m.start() - 50)
    return _WITHOUT_WHO.search(draft.lower, start, m.start()) is None


@cache
def _third_parties() -> str:
    """The product's users and the like ("customers", "the app"), as one alternation."""
    return lexicon.alternation(lexicon.words_of("en", "payment", "third_parties"))


@cache
def _third_party() -> re.Pattern[str]:
    words = _third_parties()
    return re.compile(
        rf"\b(?:{words})\s+(?:(?:can|could|will|would|should|must|to|then|also|just|easily|still|"
        r"be able to|able to|need to|want to|have to|get to|"
        # how often they do: "customers keep asking to pay by bank transfer", "buyers
        # often prefer to pay ..."
        r"keeps?|kept|often|always|sometimes|usually|regularly|frequently|constantly|"
        r"occasionally|mostly|now|already|are|were|is|(?:have|has|had)\s+been|"
        r"(?:ask|asks|asked|wants|wanted|prefers?|preferred|likes?|tends?|tried|expects?)\s+to|"
        # "customers asking to pay by bank transfer", "users who want to pay by card"
        r"(?:who|that)\s+(?:want|wants|ask|asks|try|tries)\s+to|"
        r"(?:asking|wanting|trying|wishing|keen|hoping)\s+to)\s+)*$"
    )


@cache
def _third_party_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_third_parties()})\b")


#: A first or second person between the third party and the payment makes it ours again.
_PERSON = re.compile(r"\b(?:i|we|you|u|me|us|my|our|your|ur)\b")


def _third_party_subject(draft: Draft, start: int) -> bool:
    """Whether the sentence before ``start`` has the product's users doing things, with
    no I, we or you after them: "customer pick items, choose a slot and pay ..."."""
    a = max(draft.sentence_bounds(start)[0], start - 80)
    last = None
    for found in _third_party_words().finditer(draft.lower, a, start):
        if not _AS_A_ROLE.search(draft.lower, a, found.start()):
            last = found
    return last is not None and _PERSON.search(draft.lower, last.end(), start) is None


#: A role the reader is given, not a third party: "you'll be set up as a direct (vendor)".
_AS_A_ROLE = re.compile(r"\bas\s+(?:an?|our|the)\s+(?:[\w-]+\s+)?$")


@cache
def _payees() -> str:
    """Whom the client's business pays ("contractors", "my cleaner"), as one alternation."""
    return lexicon.alternation(lexicon.words_of("en", "payment", "payees"))


@cache
def _payee() -> re.Pattern[str]:
    words = _payees()
    # "we paid ~35 contractors through Gusto": a count may stand before them
    count = r"(?:(?:about|around|over|some|many|several|a few|~)\s*)?\d[\d,]*\+?\s+"
    owner = (
        r"(?:our|the|all|their|its|other|your|my|his|those|these|every|each|some|a|an|any|one)\s+"
    )
    return re.compile(
        # (pay the verb: "PayPal them to me" names the app)
        # ("pay our warehouse staff": one word may say which of them)
        rf"\b(?:pay(?:s|ing)?|paid|invoic\w*|bill(?:s|ed|ing)?)\s+"
        rf"(?:(?:{owner}){{0,2}}|(?:{owner}){{1,2}}(?!(?:me|us|you|u)\b)[a-z-]+\s+)(?:{count})?(?:{words})\b"
        r"(?!\s+to\s+(?:me|us)\b)"
        # the shop's buyers paid back: "refund customers through PayPal"
        rf"|\b(?:refund\w*|reimburs\w*)\s+(?:{owner}){{0,2}}(?:{words}|{_third_parties()})\b"
    )


@cache
def _payee_modifier() -> re.Pattern[str]:
    """Payees naming the payments of a match that starts at "payments": "(contractor)
    payments through Deel", "(supplier) payments via Wise"."""
    return re.compile(rf"\b(?:{_payees()})\s+$")


@cache
def _paid_before() -> re.Pattern[str]:
    """Somebody else paid, told before the match: "our seasonal workers in Guatemala get
    (paid through Western Union)", "the bills we already (paid by bank transfer)"."""
    words = _payees()
    return re.compile(
        rf"\b(?:{words})\s+(?:[\w'-]+\s+){{0,3}}?(?:gets?|got|are|were|is|was|being|been)\s+"
        r"(?:\w+\s+)?$"
        # "our pickers in Oaxaca get (paid ...)", "my handyman gets (paid ...)": somebody of
        # the business, named by what they do
        r"|\b(?:our|my|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
        r"(?!(?:invoices|bills|fees|payments|rates|hours|milestones|wages|orders)\b)"
        # ("team", "staff", "crew" on their own too)
        r"[a-z]*(?:ers|ors|ists|ants|ees|man|men|woman|women|people|staff|crew|team|guys?|kids?)"
        r"\s+(?:(?:in|at|from)\s+[\w-]+\s+)?(?:gets?|got|are|were|is|was|being)\s+(?:\w+\s+)?$"
        r"|\b(?:ones|bills|invoices|expenses|vendors|suppliers|contractors)\s+(?:that\s+|which\s+)?"
        r"(?:we|they|you|i)\s+(?:(?:already|have|had|just|also)\s+)*$"
        # asked: "are (your) contractors (paid by direct deposit)?", "do vendors get (paid ...)"
        rf"|\b(?:are|were|is|was|do|does|did)\s+(?:(?:our|the|your|their|all|any|some|those)\s+)?"
        rf"(?:[\w-]+\s+)?(?:{words})\s+(?:(?:also|usually|currently|still|normally|all)\s+)?"
        r"(?:get\s+)?$"
    )


@cache
def _reader_paid_words() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.words_of("en", "payment", "reader_paid")))


@cache
def _reader_asked() -> re.Pattern[str]:
    # the rest of the sentence, then the question ending it or opening the next one
    words = lexicon.alternation(lexicon.words_of("en", "payment", "reader_asked"))
    return re.compile(rf"[^.!?\n]{{0,80}}?(?:[,;:\u2014\u2013-]\s*|[.!?]\s+|\s+)(?:{words})")


def _reader_paid(draft: Draft, end: int) -> bool:
    """Whether the words after a match ending at ``end`` make the reader the one paid that
    way: said outright ("you'd be paid the same way") or asked ("... If that's ok with
    you, I'll send the brief")."""
    if _reader_paid_words().search(draft.lower, end, end + 120):
        return True
    return _reader_asked().match(draft.lower, end) is not None


@cache
def _withdrawal(code: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.words_of(code, "payment", "withdrawal")))


def platform_money(draft: Draft, pos: int) -> bool:
    """Whether the sentence is about taking the platform's earnings out ("I withdraw my
    Upwork earnings to Payoneer") or the platform's own billing pages, which is not
    paying outside."""
    sentence = draft.sentence(pos)  # (at most REACH either side: linear time)
    return any(
        _withdrawal(code).search(sentence) and not _bypass(code).search(sentence)
        for code in draft.languages
    )


@cache
def _bypass(code: str) -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.words_of(code, "payment", "bypass"))
    return re.compile(rf"\b{words}\b")


def _app_group(m: re.Match[str]) -> str:
    return next(n for n in ("app", "app2") if n in m.re.groupindex and m.group(n))


def _app(m: re.Match[str]) -> dict[str, str]:
    for name in ("app", "app2"):
        if name in m.re.groupindex and m.group(name):
            return {"app": m.group(name)}
    return {}


def _pays_another(draft: Draft, m: re.Match[str]) -> bool:
    """ "we pay suppliers via Wise", "you'd pay GoDaddy directly": the client's own books
    or accounts; not "I pay freelancers with Western Union, you just give me your name":
    the reader is paid so."""
    payee = _payee().search(draft.lower, m.start(), m.end())
    if payee is None:
        # "Meta's fees are billed by Meta to your business account": a third party's
        # charge to the client, not money between the two ("billed by PayPal to ...":
        # the payment service itself, not a payee)
        payee = _BILLED_BY.search(draft.lower, m.start(), m.end())
        if payee is not None and "app" in m.re.groupindex and m.start("app") < payee.end():
            payee = None
    if payee is None and draft.lower.startswith("payment", m.start()):
        # "contractor payments through Deel", "vendor payments via Wise": the business's
        payee = _payee_modifier().search(draft.lower, max(0, m.start() - 40), m.start())
    if payee is None:
        if not draft.lower.startswith(("paid", "paying", "pay "), m.start()):
            return False
        a = max(draft.sentence_bounds(m.start())[0], m.start() - 60)
        if _paid_before().search(draft.lower, a, m.start()) is None and not (
            # a record's line: '- "Mike T." - paid $1,200 via Zelle in March'
            draft.lower.startswith("paid", m.start())
            and _LISTED_PAYEE.search(draft.lower, max(0, m.start() - 60), m.start())
        ):
            return False
        payee_end = m.start()
    else:
        payee_end = payee.end()
    if _PAID_PERSON.search(draft.lower, payee_end, m.end()):
        return False  # "pay Shopify directly and then pay me via PayPal"
    return not _reader_paid(draft, m.end())


# A list item naming somebody, then what they were paid: '- "Mike T." - paid ...',
# "Coastal Pressure LLC: paid ..." (nobody of the two named, nor the contract's own
# items: not "- me: paid ...", "- Milestone 3 - paid via PayPal").
_LISTED_PAYEE = re.compile(
    r"^[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]*(?:[\"\u201c][^\"\u201d\n]{1,40}[\"\u201d]|"
    r"(?:(?!(?:i|me|my|you|your|u|ur|we|us|our|milestones?|invoices?|deposit|balance|fees?|"
    r"rest|remainder|contract|project|hours|weeks?|months?|bonus|advance|payments?)\b)"
    r"[\w.&'-]+[ \t]*){1,5})"
    r"[ \t]*(?:[-\u2013\u2014:,])[ \t]+$",
    re.MULTILINE,
)
_BILLED_BY = re.compile(
    r"\b(?:billed|charged|invoiced|collected)\s+(?:directly\s+|separately\s+)?by\s+"
    r"(?!(?:me|us|my|our|i|we|myself|ourselves)\b)(?:the\s+)?[a-z][\w.&-]*"
)
_PAID_PERSON = re.compile(
    r"\b(?:pay|send|transfer)\w*\s+(?:it\s+)?(?:to\s+)?(?:me|us|him|her|my|our)\b"
)


# After a payment service's name, the part it plays in what is built: "with Stripe as
# the provider", "PayPal as the payment gateway".
_AS_A_COMPONENT = re.compile(
    r"\s+as\s+(?:the|our|a|its|their)\s+(?:payments?\s+|card\s+)?"
    r"(?:provider|processor|gateway|backend|back-end|psp|integration)\b"
)


# Right after the app's name, its sandbox: "Stripe test mode", "PayPal sandbox accounts",
# "Square test cards" (no money moves through them; they test the work).
_TEST_SETUP = re.compile(
    r"(?:'s|\u2019s)?\s+(?:test(?:ing)?[- ]mode|sandbox|test (?:keys?|cards?|accounts?|"
    r"environment|credentials|clocks?|webhooks?)|dev(?:eloper)? sandbox)\b"
)


def _is_topic(draft: Draft, m: re.Match[str]) -> bool:
    """Payment apps as the subject of the work: "integrate PayPal checkout", a job post
    about a payments feature, a quoted "Send money with Zelle" screen."""
    if not _app(m):
        return False
    at, end = m.span(_app_group(m))
    if draft.lower.startswith(("'s ", "’s "), end):
        return True  # "using Stripe's test account": the provider's own thing, named
    if work.in_quotes(draft.text, at) and cues.DEVELOPMENT.search(draft.lower):
        return True
    if _third_party().search(draft.lower, max(0, m.start() - 40), m.start()):
        return True  # "so customers pay via PayPal": the product's users paying
    if _third_party_subject(draft, m.start()):
        return True  # "a bot where customer pick items, choose a slot and pay via Stripe"
    if _pays_another(draft, m):
        return True
    if _own_use(draft, end):
        return True  # "we use Gusto for payroll and QuickBooks for bills": the business's books
    if _AS_A_COMPONENT.match(draft.lower, end):
        return True  # "Telegram Payments with Stripe as the provider": a part of the build
    if _TEST_SETUP.match(draft.lower, end):
        return True  # "in tests we use Stripe test mode": a provider's sandbox, nobody paid
    if _beside_books(draft, at, end):
        return True  # "using Wave now, open to moving to Xero": bookkeeping software
    if _OUR_SALES.search(draft.sentence(m.start())):
        return True  # "we sell on Etsy and get paid through PayPal": the business's takings
    if _shop_order_paid(draft, m.start()):
        return True  # "first order came in: #1001, $48.90, paid by Apple Pay": a sale's
    if _product_behaviour(draft, m.start()):
        return True  # "Checkout total ignores discount when paying with Apple Pay": a bug
    if _how_to_item(draft, at, end) or _subject_item(draft, at, end):
        return True  # "Topics: savings, how to use Zelle safely, ...": a subject to write up
    if _product_takes(draft, m.start()):
        return True  # "a Shopify store that accepts payments via PayPal": what it is to do
    if _product_subject(draft, m):
        return True  # "our donation page takes PayPal and Venmo": what a product accepts
    # Close to the app's name: "integrate PayPal checkout", "so customers pay via Stripe
    # on the new store". A word about some other work in the sentence ("the SEO retainer
    # keeps going through PayPal") does not make the payment the subject.
    if _APP_AS_VERB.match(draft.lower, end):
        return False  # "for the extra 2 reels, can I just venmo you?": a person paid
    a, b = draft.sentence_bounds(at)
    lo = max(a, at - _TOPIC_BEFORE)
    # Not from another clause: "I don't want Upwork billing, we pay with Venmo".
    for clause in cues.new_clause().finditer(draft.lower, lo, at):
        lo = clause.end()
    return bool(cues.DEVELOPMENT.search(draft.lower, lo, min(b, end + _TOPIC_AFTER)))


# A payment app used as the verb of paying somebody ("venmo you", "zelle me the rest"):
# no work noun nearby makes that a subject of the work (but "a Stripe you can test" is
# the app, then a new clause's subject).
_APP_AS_VERB = re.compile(
    r"\s+(?:you|u|ya|me|us)\b(?!\s+(?:can|could|will|would|should|may|might|need|want|"
    r"have|are|were|get|see|use|do|did|don['\u2019]?t)\b)"
)


@cache
def _own_use_pattern() -> re.Pattern[str]:
    uses = lexicon.alternation(lexicon.words_of("en", "payment", "own_uses"))
    return re.compile(
        r"\s+(?:for|to\s+(?:run|handle|do|process|manage|pay|track))\s+"
        rf"(?:(?:our|the|its|their|all|internal|company|monthly|weekly|us)\s+){{0,2}}{uses}\b"
    )


_SECOND_PERSON = re.compile(r"\b(?:you|u|your|ur|yours)\b")
# A clause's end that starts another thought ("...; you'd be paid through Upwork").
_CLAUSE_END = re.compile(r"[;\u2014]|\s[-\u2013]\s")


def _own_use(draft: Draft, end: int) -> bool:
    """Whether the payment or payroll service ending at ``end`` is said to run the
    business's own operations ("... Gusto for payroll", "Wise for supplier invoices"),
    with the reader named nowhere in the rest of its sentence."""
    found = _own_use_pattern().match(draft.lower, end)
    if found is None:
        return False
    # (to the clause's end: "...; you'd be paid through Upwork" is another clause)
    b = draft.sentence_bounds(end)[1]
    clause_end = _CLAUSE_END.search(draft.lower, found.end(), b)
    b = clause_end.start() if clause_end else b
    return not _SECOND_PERSON.search(draft.lower, found.end(), b) and not _reader_paid(
        draft, found.end()
    )


# A payment service's fees weighed against another's: "the fees on Stripe are lower
# than PayPal's", "I compared the fees on Stripe and PayPal".
_FEES_OF = re.compile(r"fees?\s+(?:on|at|of|with)\b")
_COMPARED = re.compile(
    r"\b(?:compar\w+|cheaper|pricier|more\s+expensive|less\s+expensive|lower|higher|than|"
    r"versus|vs\.?|(?:charges?|costs?)\s+(?:less|more))\b"
)
# ... unless the platform is what it is weighed against, or somebody is to be paid so.
_AGAINST_PLATFORM = re.compile(r"\b(?:upwork|the platform|this platform|here|escrow)\b")


def _fees_compared(draft: Draft, m: re.Match[str]) -> bool:
    """Whether a "fees on <service>" phrase weighs payment services' fees against each
    other ("I compared the fees on Stripe and PayPal; Stripe is cheaper for EU cards"),
    with the platform named only to stay on it and nobody paid in the sentence."""
    if not _FEES_OF.match(m.group(0)):
        return False
    a, b = draft.sentence_bounds(m.start())
    sentence = draft.lower[a:b]
    if not _COMPARED.search(sentence) or _PAID_PERSON.search(sentence):
        return False
    return not _AGAINST_PLATFORM.search(sentence) or bool(cues.STAY_ON_PLATFORM.search(sentence))


@cache
def _product_requires() -> re.Pattern[str]:
    """A thing built ([payment] products) as the subject of what it must do, or a clause
    about one: "the app must", "our dashboard should", "a feature where", "the checkout
    needs to"; not its being paid for ("the site will be paid by bank transfer")."""
    products = lexicon.alternation(lexicon.words_of("en", "payment", "products"))
    return re.compile(
        rf"\b(?:the|our|this|a|an|new|their)\s+(?:[\w-]+\s+){{0,2}}?{products}\s+"
        r"(?:(?:must|should|shall|will|would|can|could|needs?\s+to|has\s+to|have\s+to|is\s+to|"
        r"is\s+supposed\s+to|(?:is|are)\s+able\s+to)(?:\s+also|\s+then|\s+only|\s+automatically)?"
        r"\s+(?!be\b|get\b)|(?:where|that|which|so|so\s+that|in\s+which|letting|allowing)\s+)"
    )


def _product_requirement(draft: Draft, m: re.Match[str]) -> bool:
    """Whether a payment phrase tells what a thing built must do with its users' money
    ("The app must mark invoices paid by bank transfer", "a feature where clients can pay
    invoices via PayPal"), with no I, we or you in the match or between the thing and it."""
    if _PERSON.search(m.group(0)):
        return False
    a = max(draft.sentence_bounds(m.start())[0], m.start() - _PRODUCT_REACH)
    last = None
    for last in _product_requires().finditer(draft.lower, a, m.start()):  # noqa: B007
        pass
    return last is not None and _PERSON.search(draft.lower, last.end(), m.start()) is None


#: How far before a payment phrase the thing built that is its subject is looked for.
_PRODUCT_REACH = 100


# A thing being built that takes the money itself: "a store that accepts payments via
# PayPal", "a bot that ... and takes payment through Stripe" ("my agency accepts payment
# via Wise" is a business's own account: no thing built names the subject).
_TAKES = re.compile(
    r"(?:accepts|takes|handles|processes|supports|collects|receives)\s+(?:card\s+|online\s+)?"
    r"payments?\b"
)
_PRODUCT_THAT = re.compile(
    r"\b(?:store|shop|site|website|web\s?app|app|bot|system|checkout|page|form|widget|tool|"
    r"plugin|portal|kiosk|backend|marketplace|saas|funnel|landing page|booking page)s?\s+"
    r"(?:that|which|where|to)\b(?:(?!\b(?:i|we|you|u|me|us)\b)[^.!?\n])*$"
)


def _product_takes(draft: Draft, start: int) -> bool:
    """Whether the payment phrase at ``start`` says what a thing being built does with
    payments ("... store that accepts payments via PayPal"), that thing its subject."""
    found = _TAKES.finditer(draft.lower, max(0, start - 24), start + 32)
    takes = next((t for t in found if t.end() > start), None)
    if takes is None or takes.start() > start:
        return False  # (the phrase may begin at the verb or at "payment" after it)
    a = max(draft.sentence_bounds(start)[0], start - REACH)
    return _PRODUCT_THAT.search(draft.lower, a, takes.start()) is not None


# A product, the subject of "takes"/"accepts": "our donation page (takes PayPal)", "the
# checkout (only accepts cards)".
_PRODUCT_SUBJECT = re.compile(
    r"\b(?:our|the|your|their|its|this|that)\s+(?:[\w-]+\s+)?(?:page|site|website|store|shop|"
    r"checkout|form|app|widget|plugin|kiosk|pos|till|terminal|cart|funnel|booking\s+(?:page|"
    r"system|form|tool)|donation\s+(?:page|form)|portal)\s+(?:already\s+|now\s+|only\s+|also\s+|"
    r"currently\s+|still\s+)?$"
)
_PRODUCT_VERB = re.compile(r"(?:accepts|takes|supports|handles|processes)\b")
# ... or the product that is to take it: "we need checkout on our store to accept Stripe",
# "get the booking page to take PayPal" ("I need you to accept PayPal" names no product).
_PRODUCT_TO = re.compile(
    r"\b(?:page|site|website|store|shop|checkout|form|app|widget|plugin|kiosk|pos|till|"
    r"terminal|cart|funnel|portal|system|bot|platform)s?\s+(?:[\w-]+\s+){0,2}?to\s+"
    r"(?:also\s+|only\s+|now\s+)?$"
)
_PRODUCT_INFINITIVE = re.compile(r"(?:accept|take|support|handle|process)\b")
_PAID_YOU = re.compile(r"\b(?:you|u)\b[^.!?\n]{0,30}\b(?:paid|pay)\b")
# ... unless the reader is sent there to pay: "my booking site takes PayPal, pay there".
_PAY_THERE = re.compile(
    r"\b(?:pay|book|order|buy|checkout|check out)\w*\s+(?:[\w-]+\s+){0,2}?(?:there|through it|"
    r"on it|via it|that way)\b"
)


def _product_subject(draft: Draft, m: re.Match[str]) -> bool:
    """Whether a match opening with "takes" or "accepts" has a product for its subject
    ("our donation page takes PayPal"), nobody being sent to pay there."""
    before = max(0, m.start() - 48)
    if _PRODUCT_VERB.match(draft.lower, m.start()):
        if not _PRODUCT_SUBJECT.search(draft.lower, before, m.start()):
            return False
    elif not (
        _PRODUCT_INFINITIVE.match(draft.lower, m.start())
        and _PRODUCT_TO.search(draft.lower, before, m.start())
    ):
        return False
    b = draft.sentence_bounds(m.start())[1]
    # ("our shop accepts Venmo, so you could be paid that way too": the reader's pay)
    return not _PAY_THERE.search(draft.lower, m.end(), b) and not _PAID_YOU.search(
        draft.lower, m.end(), b
    )


# "when paying with ...", nobody named: how a product behaves for whoever pays with it.
_WHEN_PAYING = re.compile(r"\b(?:when|while|whenever|after|before|if)\s+$")
_ANYBODY = re.compile(r"\b(?:i|me|my|we|us|our|you|u|your|ur)\b")


def _product_behaviour(draft: Draft, start: int) -> bool:
    """Whether a payment phrase opening with "when" (or "while", "after" ...) tells how a
    product behaves, in a sentence about the product that names nobody: a bug report's
    "Checkout total ignores discount when paying with Apple Pay"."""
    a, b = draft.sentence_bounds(start)
    if not _WHEN_PAYING.search(draft.lower, max(a, start - 10), start):
        return False
    if _ANYBODY.search(draft.lower, a, b):
        return False
    p, q = draft.paragraph_bounds(start)
    return bool(
        cues.DEVELOPMENT.search(draft.lower, a, b)
        or _BUG_REPORT.search(draft.lower, max(p, start - REACH), min(q, start + REACH))
    )


# The parts of a bug report around its summary: "Steps: ...", "Expected: ... Actual: ...".
_BUG_REPORT = re.compile(
    r"\b(?:steps(?: to reproduce)?|repro(?:duce)?|expected(?: result)?|actual(?: result)?)\s*:"
)


# A list item (or what a piece is about) telling how to do something with a payment app:
# "Topics: budgeting apps, how to use Zelle, Venmo and Cash App safely", "writing about
# ACH, debit cards, how to send money with Zelle". A subject of the work, nobody paid.
_HOW_TO_ITEM = re.compile(
    r"(?:[,:;(\u2022]|^\s*[-*]|\b(?:about|on|covering|explaining|explain))\s*"
    r"how\s+to\s+(?:[\w-]+\s+){0,3}$"
)
_ABOUT = re.compile(r"about|on|covering|explain")
# Somebody in the item makes it a request: "how to pay you with Zelle".
_SOMEBODY = re.compile(r"\b(?:i|me|my|we|us|our|you|u|ya|your|ur|him|her|them)\b|'(?:d|ll)\b")


def _how_to_item(draft: Draft, at: int, end: int) -> bool:
    """Whether the payment app at ``at`` is named in a "how to" item of a list of
    subjects ("- how to ..." on a line of its own too), with nobody named in the item."""
    a, b = draft.sentence_bounds(at)
    if "how" not in draft.lower[max(a, at - 60) : at] or "?" in draft.lower[end : b + 1]:
        return False  # (asked: "ok, how to send money with Zelle? I want to pay now")
    # (the sentence from its start, so a list's dash opening a line reads as one)
    lo = a if at - a <= 60 else at - 60
    found = _HOW_TO_ITEM.search(draft.lower[lo:at])
    if found is None:
        return False
    sentence = draft.lower[a:b]
    listed = found.group(0)[0] in "-*\u2022(" or ":" in sentence or sentence.count(",") >= 2
    if not listed and not _ABOUT.match(found.group(0)):
        return False  # "ok, how to send money with Zelle.": one item is no list of subjects
    ends = [i for i in (draft.lower.find(c, end, b) for c in ",;(") if i >= 0]
    return not _SOMEBODY.search(draft.lower, lo + found.start(), min(ends, default=b))


@cache
def _subject_head() -> re.Pattern[str]:
    heads = lexicon.alternation(lexicon.words_of("en", "payment", "subject_heads"))
    return re.compile(
        rf"\b{heads}(?:\s*(?::|\u2014|\s[-\u2013]\s)|\s+(?:include|including|like|such as|are)\b|"
        r"(?:(?<=\bon)|(?<=about)|(?<=covering)|(?<=like))\s)"
    )


# A price or rate in the list before the app: the list is an offer, not subjects.
_PRICED = re.compile(
    r"[$\u20ac\u00a3]\s?\d|\d\s?(?:usd|eur|gbp|dollars|euros|bucks)\b|/\s?h(?:r|our)?\b|"
    r"\bper\s+(?:hour|session|lesson|module)\b"
)
# Where an item of a list begins and ends.
_ITEM_START = re.compile(r"[,;:(\u2022]|^\s*[-*]|\s(?:and|or)\s")
_ITEM_END = re.compile(r"[,;()]|\s(?:and|or)\s")


def _subject_item(draft: Draft, at: int, end: int) -> bool:
    """Whether the payment app at ``at`` is named in an item of a list of subjects headed
    in its sentence ("Topics: connecting a bank account, accepting Apple Pay, setting up
    PayPal as a payment method"), with nobody named in the item."""
    a, b = draft.sentence_bounds(at)
    lo = max(a, at - 300)
    head = None
    for found in _subject_head().finditer(draft.lower, lo, at):
        head = found  # (the last head before the app)
    if head is None or _PRICED.search(draft.lower, head.start(), at):
        return False  # ("Modules: $40 each, paid via PayPal": the writer's price and pay)
    starts = [s.end() for s in _ITEM_START.finditer(draft.lower, head.end() - 1, at)]
    if not starts and head.end() < at:
        starts = [head.end()]  # ("covering Zelle limits": the head, then the item)
    if not starts:
        return False
    if _TERMS_ITEM.match(draft.lower, starts[-1]):
        return False  # ("Modules: intro, advanced, paid via PayPal": how the writer is paid)
    item_end = _ITEM_END.search(draft.lower, end, b)
    return not _SOMEBODY.search(draft.lower, starts[-1], item_end.start() if item_end else b)


# An item that opens with the pay itself: the terms of an offer, not a subject.
_TERMS_ITEM = re.compile(r"\s*(?:all\s+|fully\s+)?(?:paid|payable|payments?|pay)\b")


@cache
def _books_around() -> tuple[re.Pattern[str], re.Pattern[str]]:
    books = lexicon.alternation([str(w) for w in vocabulary()["software"]["accounting"]])
    pair = r"(?:/|\bor\b|\bvs\.?|\bversus\b|\u2192|->)"
    after = re.compile(
        rf"\s*{pair}\s*(?:{books})\b|[^.!?\n]{{0,60}}?\b(?:mov\w*|switch\w*|migrat\w*|"
        rf"port\w*|convert\w*|transition\w*|go(?:ing)?)\s+(?:(?:it|them|everything|over|"
        rf"the books)\s+){{0,2}}(?:to|into|onto)\s+(?:{books})\b"
    )
    before = re.compile(rf"\b(?:{books})\s*{pair}\s*$|\bfrom\s+(?:{books})\s+to\s+$")
    return after, before


_MONEY_MOVES = re.compile(r"\b(?:pay|paid|paying|pays|send|sending|sent|transfer\w*|wire|tip)\b")


def _beside_books(draft: Draft, at: int, end: int) -> bool:
    """Whether a payment app's name is compared with bookkeeping software in its
    sentence: a switch to or from it, or a short list of them."""
    after, before = _books_around()
    a, b = draft.sentence_bounds(at)
    a, b = max(a, at - 200), min(b, end + 200)
    if _MONEY_MOVES.search(draft.lower, a, b):
        return False  # "I'll send your pay via Wave, then we move the books to Xero"
    return bool(after.match(draft.lower, end, b) or before.search(draft.lower, max(a, at - 40), at))


# A shop's order or sale told just before "paid by ...": "order #1001, $48.90, (paid by
# Apple Pay)", "three sales today, all (paid with Shop Pay)". Nobody of the two is named
# between ("the order I'd like (paid by Zelle)" is the writer's wish).
_ORDER_BEFORE = re.compile(
    r"\b(?:orders?|sales?|purchases?|transactions?|bookings?|checkouts?)\b"
    r"(?:(?!\b(?:i|i'd|i'm|me|my|we|we'd|us|our|you|u|your)\b)(?:[^.!?\n]|(?<=\d)\.(?=\d))){0,45}$"
)
# ("Order #A-77120 was refunded in Stripe": the sale paid back where it was taken)
_PASSIVE_PAID = re.compile(r"(?:paid|refunded|reimbursed)\s+(?:by|with|via|through|using|in|on)\s")


def _shop_order_paid(draft: Draft, start: int) -> bool:
    """Whether "paid by <app>" at ``start`` tells how a shop's order was paid (or paid
    back)."""
    if not _PASSIVE_PAID.match(draft.lower, start):
        return False
    a = max(draft.sentence_bounds(start)[0], start - 60)
    if _ORDER_BEFORE.search(draft.lower, a, start) is None:
        return False
    if _TO_ONE_OF_US.match(draft.lower, start):
        return False  # "can be paid by Zelle to me"
    return not _reader_paid(draft, start)


_TO_ONE_OF_US = re.compile(r"[^.!?\n]{0,40}\b(?:to|into)\s+(?:me|us|my|our|you|your)\b")


_TOPIC_BEFORE, _TOPIC_AFTER = 24, 48
_OUR_SALES = re.compile(
    r"\bwe\s+(?:sell|run|operate|ship)\b[^.!?\n]{0,80}\b(?:get paid|take payments?|accept|"
    r"receive payments?|collect payments?|are paid)\b"
)


#: How far apart, in one sentence, a bank transfer or an invoice and the word that makes
#: it the two sides' own arrangement ("as before", "directly") may stand.
_BILLING_GAP = 70


@cache
def _billing_pattern(code: str) -> re.Pattern[str] | None:
    """One language's direct billing: a bank transfer or an invoice next to the words
    that make it the two sides' own ("facture et virement, comme d'habitude", "faturayla
    ve havaleyle, eskisi gibi"), from ``[payment] transfer / invoice / arranged``.
    English transfer and invoice words count in every language ("diretso bank transfer")."""
    arranged = lexicon.words_of(code, "payment", "arranged")
    if not arranged:
        return None
    money = lexicon.words_of(code, "payment", "transfer") + lexicon.words_of(
        code, "payment", "invoice"
    )
    if code != "en":
        money += lexicon.words_of("en", "payment", "transfer")
        money += lexicon.words_of("en", "payment", "invoice")
    spaced = next(lang.spaced for lang in lexicon.languages() if lang.code == code)
    edge_a, edge_b = (
        (rf"(?<!{lexicon.WORD_CHAR})", rf"(?!{lexicon.WORD_CHAR})") if spaced else ("", "")
    )
    what = rf"{edge_a}(?P<app>{lexicon.alternation(money)}){edge_b}"
    how = rf"{edge_a}(?P<how>{lexicon.alternation(arranged)}){edge_b}"
    gap = rf"[^.!?;\n\u3002\uff01\uff1f\u061f\uff1b]{{0,{_BILLING_GAP}}}?"
    return re.compile(
        rf"{what}{gap}{how.replace('?P<how>', '?P<how2>')}|"
        rf"{how}{gap}{what.replace('?P<app>', '?P<app2>')}"
    )


#: The platform by name, in the scripts drafts use for it.
PLATFORM_NAME = re.compile(
    r"up\s?work|апворк|[اأآ]ب\s?و?ورك|[اآ]پ\s?و?ورک|আপওয়ার্ক|अपवर्क|업워크|アップワーク|"
    r"אפ\s?וורק|อั[พป]เวิร์[คก]|"
    r"\b(?:the|this) (?:platform|site)\b|plateforme|plataforma|piattaforma|platform|"
    r"πλατφ[όο]ρμ|平台|المنص[ةه]|"
    # its milestones ("Faktureringen fortsätter som vanligt via milstolparna här")
    r"mile-?stones?|milstolp|mijlpa[ae]l|meilenstein|m[ée]rf[öo]ldk[öo]|kamie[ńn]\w* milow|"
    r"マイルストーン|마일스톤|里程碑"
)
#: Where a clause ends, in the scripts of the language files.
#: (Thai writes no commas: a space between two Thai words ends a clause, "... ให้ Upwork
#: แล้ว ตั้งแต่มกราคมผมจะออกใบแจ้งหนี้ตรง" names the platform in the clause before.)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013\uff0c\u3001\u060c]|\s-\s|(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])"
)


def _platform_bills(draft: Draft, m: re.Match[str]) -> bool:
    """Whether the platform is who invoices or carries the transfer, in the clause of
    the match ("Upwork sends the invoice as usual", "invoices go through Upwork as
    always"), not only named in a word for going around it ("hors d'Upwork")."""
    how = next(n for n in ("how", "how2") if m.group(n) is not None)
    text = draft.lower
    inside = text[m.start() : m.start(how)] + " " + text[m.end(how) : m.end()]
    before = text[max(draft.sentence_bounds(m.start())[0], m.start() - 40) : m.start()]
    before = _CLAUSE_BREAK.split(before)[-1]
    after = _CLAUSE_BREAK.split(text[m.end() : m.end() + 30])[0]
    return bool(PLATFORM_NAME.search(inside + " " + before + " " + after))


@cache
def _books(code: str) -> re.Pattern[str]:
    words = lexicon.words_of(code, "payment", "books") + lexicon.words_of("en", "payment", "books")
    return re.compile(lexicon.alternation(words))


def _billing(draft: Draft) -> Iterator[Match]:
    """Invoicing or a bank transfer arranged between the two sides: "I'll keep invoicing
    you as before, payment to my ING account", "走对公转账"."""
    for code in sorted(draft.languages):
        pattern = _billing_pattern(code)
        if pattern is None:
            continue
        for m in pattern.finditer(draft.lower):
            if _is_topic(draft, m) or platform_money(draft, m.start()):
                continue  # "the invoicing app sends a bank transfer as usual": the work
            if _platform_bills(draft, m):
                continue  # "Upwork sends the invoice as usual"
            if cues.negated(m.group(0), draft):
                continue  # "außerhalb von Upwork mache ich nicht – auch nicht per Überweisung"
            around = draft.sentence(m.start())
            if cues.names_the_work(around, draft) or _books(code).search(around):
                continue  # "I'll reconcile the invoices and bank transfers as usual"
            if work.feature_item(draft, m.start()) or work.document_part(draft, m.start()):
                continue
            if work.quoted_content(draft, m.start()):
                continue
            yield Match(
                "off_platform_payment",
                m.start(),
                m.end(),
                evidence=_app(m) | ({} if code == "en" else {"lang": code}),
                negatable=True,
            )
