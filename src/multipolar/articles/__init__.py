"""Reading news articles and checking their claims against the data as of their date."""

from multipolar.articles.report import ArticleReport, read_article

__all__ = ["ArticleReport", "read_article"]
