<#-- Daybook bench: the stock JBake reference site. Shared page head. -->
<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title><#if content?? && content.title??>${content.title} · </#if>Daybook bench</title>
<link rel="stylesheet" href="${content.rootpath!""}css/style.css">
<link rel="alternate" type="application/rss+xml" href="${content.rootpath!""}${config.feed_file}">
</head>
<body>
<header><a href="${content.rootpath!""}index.html">Daybook bench</a> · <a href="${content.rootpath!""}${config.archive_file}">Archive</a></header>
<main>
