"""gunicorn settings for production: `gunicorn -c scripts/gunicorn.conf.py portal.wsgi`.

The access log leaves out the query string (a personnummer typed into search never reaches
it), and its logger escapes control characters, so a path with %0d%0a cannot forge a line.
"""

bind = "127.0.0.1:8000"
workers = 4
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s'
logger_class = "portal.logsafety.GunicornLogger"
