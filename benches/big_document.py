#!/usr/bin/env python3
"""A long English news document for scale measurements (TESTING.md, Scale):
big_document.py BYTES OUT. Paragraphs with numbers, dates, names, quotes with
speakers, a bracketed Portuguese insertion, calques and photo credits."""
import random, sys
random.seed(7)
size = int(sys.argv[1]); out = sys.argv[2]
names = ["Olena Kovalenko","Marco Rossi","Ana Lima","Tom Haller","Sofia Brandt","Pavel Novak","Diego Fernández"]
cities = ["Lisbon","Kyiv","Madrid","Berlin","Rome","Paris","Vienna"]
paras = [
 'The ministry said on {day} that {n:,} people had been evacuated from {city}, up from {m:,} a week earlier.',
 '"We will not accept this proposal," {name} told reporters in {city} on {day}, adding that talks would resume on {d} December {y}.',
 'Prices rose {p}.{q}% in {month}, the statistics office said, while unemployment stayed at {r}%.',
 'According to {name}, about {n:,} workers joined the strike, which began on {d} {month} and is expected to last {k} days.',
 'Officials said there was no agreement on the budget, but {name} said a deal was "within reach" [dos trabalhadores].',
 'Photo: Reuters/{name}',
 'The {k}th round of talks ended this Friday ({d}) without a joint statement.',
]
days=["Monday","Tuesday","Wednesday","Thursday","Friday"]
months=["January","March","May","July","September","November"]
w=open(out,"w")
total=0
while total < size:
    t=random.choice(paras).format(day=random.choice(days), n=random.randint(100,90000), m=random.randint(100,90000), city=random.choice(cities), name=random.choice(names), d=random.randint(1,28), y=random.randint(2020,2026), p=random.randint(0,9), q=random.randint(0,9), month=random.choice(months), r=random.randint(3,12), k=random.randint(2,9))
    w.write(t+"\n\n"); total += len(t.encode())+2
w.close()
