"""Statistics from the programmes (data/statistics/*.yml) as charts: loading and checking
(load.py), typed values (model.py), the SVG bar chart (chart.py) and the figure with
its table (render.py). A page asks for a chart with <!-- statistics:<id> -->."""
