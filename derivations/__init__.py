"""The derivations symgrad ships (installed as ``symgrad_derivations``): `symgrad check` checks the
notes by default, and `symgrad examples` lists and copies them all."""

#: Each shipped example and what it shows, in the order `symgrad examples` lists them.
EXAMPLES = {
    "notes.py": "the notes 'Gradient Descent', (1)-(58), in Python, with their back-propagation "
                "algorithms checked (what `symgrad check` checks by default)",
    "notes.md": "the same notes as written, in Markdown with a notation block",
    "logistic_regression.md": "logistic regression with cross-entropy: the gradient a first course derives",
    "tanh_chain.tex": "back-propagation through two tanh neurons, in LaTeX",
}
