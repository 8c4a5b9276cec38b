"""Django locale format modules (FORMAT_MODULE_PATH): how numbers, dates and times are written
in bokmål, nynorsk and English. `livskraft.web.formatting` and the templates read them through
`django.utils.formats`."""
