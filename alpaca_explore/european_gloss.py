"""An English gloss, word by word, of an instruction in Spanish, Portuguese, French, Italian, German, Dutch or Russian.

The English category rules read a verb, the head noun of its object, the words that follow
the verb and keywords anywhere. Their task words translate almost one to one ("Explica dos
formas en que ..." is "explain two ways in that ..."), so a gloss of the words they read
(verbs, determiners, numbers, prepositions, the nouns that name tasks, the last noun of a
compound, and phrases whose words come in another order: "voz pasiva", "passive voice") lets
the same rules categorise these languages; other words are kept as they are and match nothing
English.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from .european_verbs import Reading, infinitive, singular

# English verbs and the infinitives (and separable verbs, particle first) that translate them, in any of the languages.
_VERBS = """
write escribir redactar escrever redigir digitar écrire rédiger scrivere redigere schreiben aufschreiben verfassen
schrijven opschrijven redigeren opstellen написать писать, generate generar gerar générer generare generieren erzeugen
genereren сгенерировать генерировать, create crear criar créer creare erstellen creëren создать elaborar élaborer
elaborare ausarbeiten uitwerken établir сформировать, make hacer fazer faire fare machen maken сделать bilden vormen,
greet felicitar saludar parabenizar cumprimentar féliciter saluer salutare gratulieren grüßen feliciteren begroeten
поздравить поприветствовать, describe describir descrever décrire descrivere beschreiben beschrijven описать, explain
explicar expliquer spiegare erklären uitleggen объяснить darlegen, give dar donner dare geben geven angeben aangeven дать привести,
provide proporcionar brindar fornecer fournir fornire bereitstellen предоставить, name nombrar nomear nommer nominare
nennen noemen назвать citar citer citare, list enumerar listar lister énumérer elencare auflisten aufzählen opsommen
перечислить dresser, identify identificar identifier identificare individuare identifizieren identificeren выявить, find
encontrar buscar procurar trouver chercher trovare cercare finden suchen herausfinden heraussuchen vinden zoeken найти,
classify clasificar classificar classer classifier classificare klassifizieren einordnen classificeren indelen классифицировать
отнести, categorize categorizar catégoriser categorizzare kategorisieren categoriseren, rewrite reescribir reescrever
réécrire riscrivere umschreiben herschrijven переписать, edit editar éditer bearbeiten bewerken отредактировать
редактировать, summarize resumir résumer riassumere zusammenfassen samenvatten резюмировать, suggest sugerir suggérer
suggerire vorschlagen suggereren voorstellen предложить, propose proponer propor proposer proporre выдвинуть, compose
componer compor composer comporre componeren сочинить komponieren, make_up составить, design diseñar projetar concevoir
progettare entwerfen ontwerpen спроектировать, develop desarrollar desenvolver développer sviluppare entwickeln
ontwikkelen разработать, build construir construire costruire konstruieren bouwen construeren построить montar,
translate traducir traduzir traduire tradurre übersetzen vertalen перевести, convert convertir converter convertire
konvertieren umwandeln omzetten преобразовать transformar transformer trasformare transformieren transformeren,
calculate calcular calculer calcolare berechnen berekenen вычислить рассчитать посчитать, compare comparar comparer
confrontare vergleichen vergelijken сравнить, contrast contrastar contraster contrastare, clean limpiar, transcribe
transcribir, decode descifrar decifrar déchiffrer decifrare entschlüsseln ontcijferen расшифровать, encrypt cifrar
chiffrer cifrare verschlüsseln versleutelen зашифровать, choose elegir escoger escolher choisir scegliere wählen
aussuchen kiezen выбрать, select seleccionar selecionar sélectionner selezionare selecteren, tell decir dizer dire
contar raconter raccontare erzählen mitteilen vertellen рассказать сказать informar, say sagen zeggen, answer responder
contestar répondre rispondere beantworten antworten beantwoorden ответить, analyze analizar analisar analyser analizzare
analysieren analyseren проанализировать, predict predecir prever prédire prevedere vorhersagen voraussagen voorspellen предсказать спрогнозировать
прогнозировать, distinguish distinguir distinguer distinguere unterscheiden onderscheiden различить разграничить,
differentiate diferenciar différencier differenziare, suppose suponer supor supposer supporre, collect reunir,
determine determinar déterminer determinare bestimmen festlegen bepalen vaststellen определить ermitteln, evaluate
evaluar avaliar évaluer valutare bewerten beurteilen einschätzen evalueren beoordelen оценить, outline esbozar esboçar
esquisser abbozzare skizzieren schetsen набросать, add añadir agregar adicionar acrescentar ajouter aggiungere
hinzufügen ergänzen toevoegen добавить sumar somar additionner sommare addieren optellen сложить, sort ordenar trier
ordinare sortieren sorteren отсортировать упорядочить ordonner ordnen ordenen, rank ranjear rangschikken ранжировать,
arrange arrangieren anordnen arranger расставить, rearrange reordenar réorganiser remettre riordinare herschikken
переставить, organize organizar organiser organizzare organisieren organiseren организовать, change cambiar mudar
alterar changer cambiare ändern veranderen wijzigen изменить поменять, complete completar compléter completare
vervollständigen aanvullen дополнить завершить, formulate formular formuler formulare formulieren formuleren
сформулировать, come_up_with inventar inventer inventare erfinden verzinnen придумать bedenken ausdenken, paraphrase
parafrasear paraphraser parafrasare paraphrasieren parafraseren перефразировать, produce producir produzir produire
produrre produzieren produceren, recommend recomendar recommander raccomandare consigliare empfehlen aanbevelen
порекомендовать рекомендовать, replace reemplazar sustituir substituir remplacer sostituire ersetzen vervangen заменить,
use usar utilizar utiliser employer usare utilizzare verwenden benutzen nutzen gebruiken использовать, define definir
définir definire definieren definiëren, detect detectar détecter rilevare erkennen detecteren, discuss discutir discuter
discutere diskutieren bespreken обсудить, estimate estimar estimer stimare schätzen schatten, resolve разрешить урегулировать, rearrange réarranger, design gestalten, formulate aufstellen, store registrar, ask demander, finish terminar acabar terminer finir terminare finire beenden закончить, format formatear formatar
formater formattare formatieren formatteren оформить, help ayudar ajudar aider aiutare helfen helpen помочь, arrange
disporre, fill rellenar preencher remplir compilare ausfüllen füllen invullen vullen заполнить, imagine imaginar
imaginer immaginare представить, insert insertar inserir insérer inserire einfügen invoegen вставить, read leer ler lire
leggere lesen lezen прочитать, correct corregir corrigir corriger correggere korrigieren corrigeren исправить, improve
mejorar melhorar améliorer migliorare verbessern verbeteren улучшить, remove eliminar remover supprimer rimuovere
entfernen löschen verwijderen удалить, extract extraer extrair extraire estrarre extrahieren herausarbeiten extraheren
halen uithalen извлечь, solve resolver résoudre risolvere lösen oplossen решить, show mostrar demostrar demonstrar
montrer démontrer mostrare dimostrare zeigen aufzeigen tonen показать, teach enseñar ensinar enseigner insegnare lehren
leren научить, prepare preparar préparer preparare vorbereiten voorbereiden подготовить, present presentar apresentar
présenter presentare präsentieren darstellen presenteren, simplify simplificar simplifier semplificare vereinfachen
vereenvoudigen упростить, check verificar comprobar vérifier verificare überprüfen prüfen controleren verifiëren
проверить, indicate indicar indiquer indicare указать, mention mencionar mentionner menzionare erwähnen
vermelden упомянуть, cite zitieren citeren процитировать, combine combinar combiner combinare kombinieren combineren
samenvoegen объединить, divide dividir diviser dividere teilen aufteilen verdelen разделить, expand ampliar, guess
adivinar adivinhar deviner indovinare raten raden угадать, highlight resaltar destacar souligner evidenziare hervorheben
markeren выделить, label etiquetar rotular étiqueter etichettare beschriften labelen пометить, modify modificar modifier
modificare modifizieren, offer ofrecer oferecer offrir offrire anbieten bieten bieden, plan planificar planejar
planifier pianificare planen plannen спланировать, research investigar pesquisar rechercher recherchieren untersuchen
onderzoeken исследовать, prove beweisen nachweisen bewijzen доказать, put poner colocar mettre mettere setzen legen
zetten leggen поставить, shorten acortar encurtar raccourcir accorciare сократить, separate separar séparer separare,
take tomar pegar prendre prendere nehmen взять, think pensar penser pensare denken nachdenken überlegen nadenken
подумать, reformulate reformular reformuler riformulare umformulieren herformuleren, revise revisar réviser rivedere
überarbeiten, express expresar expressar exprimer esprimere ausdrücken uitdrukken выразить, interpret interpretar
interpréter interpretare interpretieren interpreteren интерпретировать, illustrate ilustrar illustrer illustrare
veranschaulichen illustreren проиллюстрировать, draw dibujar desenhar dessiner disegnare zeichnen tekenen нарисовать
ziehen, assign asignar atribuir attribuer assegnare zuweisen toewijzen назначить, group agrupar regrouper raggruppare
gruppieren groeperen сгруппировать, implement implementar implémenter implementare implementieren implementeren
реализовать umsetzen, optimize optimizar otimizar optimiser ottimizzare optimieren optimaliseren оптимизировать, apply
aplicar appliquer applicare anwenden toepassen применить, multiply multiplicar multiplier moltiplicare multiplizieren
vermenigvuldigen умножить, reverse invertir inverter invertire umkehren omkeren, justify justificar justifier
giustificare begründen motiveren обосновать, compile recopilar compiler raccogliere sammeln verzamelen собрать, convince
convencer convaincre convincere убедить, rate calificar noter, match associer relier abbinare zuordnen, infer déduire
ableiten afleiden, decide décider, state énoncer изложить, document documenter, count zählen tellen, split разбить,
argue опровергнуть, ask stellen, adjust aanpassen, retrieve ophalen
"""
# English words and the words of each language that translate them: determiners, numbers, prepositions, pronouns and
# question words ("_" joins the words of an English phrase).
_WORDS = {
    "es": """
same mismo misma mismos mismas, concise conciso concisa, formal formal formales, informal informal informales, true
verdadero verdadera, false falso falsa, positive positivo positiva, negative negativo negativa, neutral neutro neutra,
correct correcto correcta, incorrect incorrecto incorrecta, yes sí, not no, can puede pueden puedes podría, should
debería debe, more más, less menos, main principal principales, the el la los las lo, a un una unos unas, of de del, to
a al, in en, for para, by por, about sobre acerca, with con, without sin, from desde, between entre, according_to según,
and y e, or o u, but pero, that que, whether si, this este esta esto, these estos estas, those esos esas aquellos, its
su sus, your tu tus, my mi mis, me me, us nos, you tú usted ustedes te, i yo, is es está, are son están, was fue era,
what qué, how cómo, which cuál cuáles, where dónde, when cuándo, who quién quiénes, how_many cuántos cuántas, how_much
cuánto cuánta, some algunos algunas algún alguna, several varios varias, many muchos muchas, each cada, all todos todas,
two dos, three tres, four cuatro, five cinco, six seis, seven siete, eight ocho, nine nueve, ten diez, following
siguiente siguientes, given dado dada dados dadas, provided proporcionado proporcionada proporcionados proporcionadas,
below continuación abajo, above anterior, other otro otra otros otras
""",
    "pt": """
keywords palavras-chave, keyword palavra-chave, same mesmo mesma mesmos mesmas, concise conciso concisa, formal formal formais, informal informal informais, true
verdadeiro verdadeira, false falso falsa, positive positivo positiva, negative negativo negativa, neutral neutro neutra,
correct correto correta, incorrect incorreto incorreta, yes sim, not não, can pode podem, should deve deveria, more
mais, less menos, main principal principais, the o a os as, a um uma uns umas, of de do da dos das, to ao aos à às, in
em no na nos nas, for para, by por pelo pela pelos pelas, about sobre, with com, without sem, from desde, between entre,
according_to segundo conforme, and e, or ou, but mas, that que, whether se, this este esta isto esse essa isso, these
estes estas esses essas, its seu sua seus suas, your teu tua, my meu minha, me me, us nos, you você vocês te, i eu, is é
está, are são estão, was foi era, what que, how como, which qual quais, where onde, when quando, who quem, how_many
quantos quantas, how_much quanto quanta, some alguns algumas algum alguma, several vários várias, many muitos muitas,
each cada, all todos todas, two dois duas, three três, four quatro, five cinco, six seis, seven sete, eight oito, nine
nove, ten dez, following seguinte seguintes, given dado dada dados dadas, provided fornecido fornecida fornecidos
fornecidas, below abaixo, above acima, other outro outra outros outras
""",
    "fr": """
is est-il est-elle, keywords mots-clés mots-clefs, keyword mot-clé, same même mêmes, concise concis concise, formal formel formelle soutenu, informal informel informelle familier, true
vrai vraie, false faux fausse, positive positif positive, negative négatif négative, neutral neutre, correct correcte,
incorrect incorrecte, yes oui, why pourquoi, not pas ne n', can peut peuvent pouvez, should doit devrait devriez, more
plus davantage, less moins, main principal principale principaux principales, the le la les l', a un une, some des
quelques, of de du d', to à au aux, in dans en, for pour, by par, about sur, with avec, without sans, from depuis,
between entre, according_to selon, and et, or ou, but mais, that que qu', whether si, this ce cet cette ceci, these ces,
its son sa ses, your votre vos ton ta tes, my mon ma mes, me moi me, us nous, you vous tu, i je, is est, are sont, was
était, what quoi, how comment, which quel quelle quels quelles, where où, when quand, who qui, how_many combien, several
plusieurs, many beaucoup, each chaque, all tous toutes, two deux, three trois, four quatre, five cinq, six six, seven
sept, eight huit, nine neuf, ten dix, following suivant suivante suivants suivantes, given donné donnée donnés données,
provided fourni fournie fournis fournies, below ci-dessous, above ci-dessus, other autre autres
""",
    "it": """
at_least almeno, same stesso stessa stessi stesse, concise conciso concisa, formal formale formali, informal informale informali, true
vero vera, false falso falsa, positive positivo positiva, negative negativo negativa, neutral neutro neutra neutrale,
correct corretto corretta, incorrect scorretto scorretta sbagliato sbagliata, yes sì, why perché, not non, can può
possono puoi, should deve dovrebbe, which cui, more più, less meno, main principale principali, the il lo la i gli le
l', a un uno una un', of di del dello della dei degli delle dell', to a al allo alla ai agli alle all', in in nel nello
nella nei negli nelle nell', for per, by da dal dalla dai dalle, about su sul sulla sui sulle, with con, without senza,
from da, between tra fra, according_to secondo, and e ed, or o oppure, but ma, that che, whether se, this questo questa,
these questi queste, those quei quelle, its suo sua suoi sue, your tuo tua tuoi tue vostro, my mio mia miei mie, me mi
me, us ci, you tu voi lei, i io, is è, are sono, was era, what cosa, how come, which quale quali, where dove, when
quando, who chi, how_many quanti quante, how_much quanto quanta, some alcuni alcune qualche, several diversi diverse
vari varie, many molti molte, each ogni ciascun ciascuno ciascuna, all tutti tutte, two due, three tre, four quattro,
five cinque, six sei, seven sette, eight otto, nine nove, ten dieci, following seguente seguenti, given dato data dati
date, provided fornito fornita forniti fornite, below sotto, above sopra, other altro altra altri altre
""",
    "de": """
at_least mindestens wenigstens, keywords schlüsselwörter stichwörter schlagwörter, keyword schlüsselwort stichwort schlagwort, same gleiche gleichen selbe selben, concise prägnant knapp, more_concise prägnanter knapper, formal formell förmlich,
more_formal formeller förmlicher, informal informell informeller umgangssprachlich, true wahr, false falsch, positive
positiv positiven, negative negativ negativen, neutral neutrale, correct richtig korrekt, incorrect unrichtig, yes ja,
why warum wieso weshalb, not nicht kein keine, can kann können kannst, should sollte soll, more mehr, less weniger, main
wichtigste wichtigsten wichtigsten haupt, the der die das den dem des, a ein eine einen einem einer eines, of von vom,
to zu zum zur, in in im, for für, by durch, about über, with mit, without ohne, from aus, between zwischen, according_to
gemäß laut, and und, or oder, but aber, that dass, whether ob, this dieser diese dieses diesen diesem, its sein seine,
your dein deine ihr ihre, my mein meine, me mir mich, us uns, you du sie dir dich, i ich, is ist, are sind, was war,
what was, how wie, which welche welcher welches welchen, where wo, when wann, who wer, how_many wieviele, some einige,
several mehrere, many viele, each jede jeder jedes jeden, all alle, two zwei, three drei, four vier, five fünf, six
sechs, seven sieben, eight acht, nine neun, ten zehn, following folgende folgenden folgender folgendes, given gegebene
gegebenen gegebener gegebenes, provided bereitgestellte bereitgestellten, below unten, above oben, other andere anderen
""",
    "nl": """
at_least minstens tenminste, keywords trefwoorden sleutelwoorden kernwoorden, keyword trefwoord sleutelwoord kernwoord, same dezelfde hetzelfde, concise beknopt bondig, more_concise beknopter bondiger, formal formeel formele, more_formal
formeler, informal informeel informele, false onwaar, positive positief positieve, negative negatief negatieve, neutral
neutraal neutrale, correct juist, incorrect onjuist, yes ja, why waarom, not niet geen, can kan kunnen kun, should moet,
would zou, so_that zodat, to te om, on op, as als, then dan, is wordt, are worden, has heeft, which die, more meer, less
minder, main belangrijkste voornaamste, the de het, a een, of van, to naar, in in, for voor, by door, about over, with
met, without zonder, from uit, between tussen, according_to volgens, and en, or of, but maar, that dat, whether of, this
deze dit, its haar, your je jouw uw, my mijn, me me mij, us ons, you jij je u, i ik, is is, are zijn, was was, what wat,
how hoe, which welke welk, where waar, when wanneer, who wie, how_many hoeveel, some enkele sommige, several
verschillende, many veel, each elke elk, all alle, two twee, three drie, four vier, five vijf, six zes, seven zeven,
eight acht, nine negen, ten tien, following volgende, given gegeven, provided verstrekte, below hieronder, above
hierboven, other andere
""",
    "ru": """
true верно правда истина, false ложно ложь, positive положительный положительная положительное позитивный, negative
отрицательный отрицательная отрицательное негативный, neutral нейтральный нейтральная нейтральное, correct правильно
правильный правильная, incorrect неправильно неправильный, yes да, why почему зачем, not не, can может могут можно,
should должен должна следует, so_that чтобы, on на, which который которые которая которой которого, more больше более,
less меньше менее, main основной основные основных главный главные главных, one один одна одно одну одного одной, of из,
to к, in в во, for для, by по, about о об, with с со, without без, from от из, between между, and и, or или, but но,
that что, whether ли, this этот эта это эти этих эту этого этой этом, its его её их, your ваш ваша ваше ваши вашего
вашей вашу твой, my мой моя моё мои, me мне меня, us нам нас, you вы ты вам вас, i я, what что, how как, which какой
какая какое какие каких, where где, when когда, who кто, how_many сколько, some некоторые, several несколько, many
много, each каждый каждая каждое каждого каждой, all все всех, two два две, three три, four четыре, five пять, six
шесть, seven семь, eight восемь, nine девять, ten десять, following следующий следующая следующее следующие следующего
следующей следующих следующую, given данный данная данное данные данного данной данных данную заданный заданная заданное
заданные заданного заданной заданных, provided предоставленный предоставленного предоставленной предоставленных, below
ниже, above выше, other другой другие других
""",
}
# The nouns that the category rules look for, in the singular.
_NOUNS = {
    "es": """
query consulta, system sistema, conflict conflicto, subject sujeto, sound sonido, smell olor, taste sabor, texture textura, atmosphere
ambiente atmósfera, feeling sensación, beauty belleza, scenery paisaje, recommendation recomendación, classification
clasificación, area área, sum suma, average promedio media, percentage porcentaje, list lista, way forma manera modo,
idea idea, tip consejo, suggestion sugerencia, strategy estrategia, reason razón motivo, method método, step paso,
activity actividad, option opción, alternative alternativa, solution solución, benefit beneficio, advantage ventaja,
disadvantage desventaja, example ejemplo, question pregunta, factor factor, technique técnica, habit hábito, use uso,
application aplicación, name nombre, topic tema, resource recurso, book libro, movie película, place lugar, destination
destino, tool herramienta, feature característica, goal objetivo meta, gift regalo, rule regla, type tipo, kind clase,
poem poema, story historia cuento, essay ensayo, metaphor metáfora, song canción, joke chiste broma, slogan eslogan
lema, title título, headline titular, tweet tuit, analogy analogía, anecdote anécdota, riddle adivinanza acertijo,
sentence oración frase, paragraph párrafo, text texto, passage pasaje, article artículo, document documento, excerpt
fragmento extracto, email correo, report informe, letter carta, word palabra, expression expresión, statement afirmación
declaración enunciado, line línea, verse verso, quote cita, answer respuesta, passcode contraseña, binary binario binaria, decimal decimal decimales, grammar gramática, spelling ortografía, boolean booleana booleano booleanas booleanos, code código, pseudocode pseudocódigo, script guion guión, possible posible posibles, definition definición, term
término, meaning significado, summary resumen, explanation explicación, description descripción, information
información, fact hecho, opinion opinión, analysis análisis, feedback comentario, detail detalle, plan plan, menu menú,
schedule horario, itinerary itinerario, outline esquema, recipe receta, routine rutina, experiment experimento, design
diseño, dialogue diálogo, conversation conversación, argument argumento, instruction instrucción, guide guía, tone tono,
emotion emoción, sentiment sentimiento, category categoría, label etiqueta, score puntuación, version versión, number
número, object objeto, item elemento, synonym sinónimo, antonym antónimo, noun sustantivo, verb verbo, adjective
adjetivo, error error, mistake falta, date fecha, city ciudad, country país, person persona, process proceso, difference
diferencia, role papel, importance importancia, impact impacto, effect efecto, cause causa, function función, purpose
propósito, concept concepto, situation situación, experience experiencia, prediction predicción, order orden,
alphabetical alfabético alfabética, set conjunto, program programa, algorithm algoritmo, equation ecuación, problem
problema, characteristic rasgo, input entrada
""",
    "pt": """
query consulta, system sistema, conflict conflito, subject sujeito, sound som, smell cheiro, taste sabor, texture textura, atmosphere
ambiente atmosfera, feeling sensação, beauty beleza, scenery paisagem, recommendation recomendação, classification
classificação, area área, sum soma, average média, percentage porcentagem, list lista, way forma maneira modo, idea
ideia, tip dica conselho, suggestion sugestão, strategy estratégia, reason razão motivo, method método, step passo
etapa, activity atividade, option opção, alternative alternativa, solution solução, benefit benefício, advantage
vantagem, disadvantage desvantagem, example exemplo, question pergunta questão, factor fator, technique técnica, habit
hábito, use uso, application aplicação, name nome, topic tema tópico, resource recurso, book livro, movie filme, place
lugar, destination destino, tool ferramenta, feature característica recurso, goal objetivo meta, gift presente, rule
regra, type tipo, kind espécie, poem poema, story história conto, essay ensaio redação, metaphor metáfora, song canção
música, joke piada, slogan slogan, title título, headline manchete, tweet tweet, analogy analogia, anecdote anedota,
riddle charada enigma, sentence frase sentença oração, paragraph parágrafo, text texto, passage passagem trecho, article
artigo, document documento, excerpt excerto, email e-mail, report relatório, letter carta, word palavra, expression
expressão, statement afirmação declaração, line linha, verse verso, quote citação, answer resposta, passcode senha, binary binário binária, decimal decimal decimais, grammar gramática, spelling ortografia, boolean booleana booleano booleanas booleanos, code código, pseudocode pseudocódigo, possible possível possíveis,
definition definição, term termo, meaning significado, summary resumo, explanation explicação, description descrição,
information informação, fact fato, opinion opinião, analysis análise, feedback comentário, detail detalhe, plan plano,
menu cardápio menu, schedule cronograma horário, itinerary itinerário roteiro, outline esboço, recipe receita, routine
rotina, experiment experimento, design design, dialogue diálogo, conversation conversa, argument argumento, instruction
instrução, guide guia, tone tom, emotion emoção, sentiment sentimento, category categoria, label rótulo, score
pontuação, version versão, number número, object objeto, item item, synonym sinônimo, antonym antônimo, noun
substantivo, verb verbo, adjective adjetivo, error erro, mistake engano, date data, city cidade, country país, person
pessoa, process processo, difference diferença, role papel, importance importância, impact impacto, effect efeito, cause
causa, function função, purpose propósito, concept conceito, situation situação, experience experiência, prediction
previsão, order ordem, alphabetical alfabética alfabético, set conjunto, program programa, algorithm algoritmo, equation
equação, problem problema, input entrada
""",
    "fr": """
query requête, system système, conflict conflit, sound son, smell odeur, taste goût saveur, texture texture, atmosphere ambiance
atmosphère, feeling sensation, beauty beauté, scenery paysage, recommendation recommandation, classification
classification, area aire superficie, sum somme, average moyenne, percentage pourcentage, list liste, way façon manière
moyen, idea idée, tip conseil astuce, suggestion suggestion, strategy stratégie, reason raison, method méthode, step
étape, activity activité, option option, alternative alternative, solution solution, benefit bienfait, advantage
avantage, disadvantage inconvénient désavantage, example exemple, question question, factor facteur, technique
technique, habit habitude, use usage utilisation, application application, name nom, topic sujet thème, resource
ressource, book livre, movie film, place lieu endroit, destination destination, tool outil, feature caractéristique
fonctionnalité, goal objectif but, gift cadeau, rule règle, type type genre, kind sorte, poem poème, story histoire
récit conte, essay essai dissertation, metaphor métaphore, song chanson, joke blague, slogan slogan, title titre,
headline manchette, tweet tweet, analogy analogie, anecdote anecdote, riddle devinette énigme, sentence phrase,
paragraph paragraphe, text texte, passage passage, article article, document document, excerpt extrait, email e-mail
courriel, report rapport, letter lettre, word mot, expression expression, statement affirmation déclaration énoncé, line
ligne, verse vers, quote citation, answer réponse, passcode passe, binary binaire binaires, decimal décimal décimale décimaux, grammar grammaire, spelling orthographe, boolean booléenne booléen booléennes booléens, code code, pseudocode pseudocode, possible possible possibles, definition définition, term terme, meaning sens
signification, summary résumé, explanation explication, description description, information information, fact fait,
opinion opinion, feedback avis, analysis analyse, feedback commentaire, detail détail, plan plan, menu menu, schedule horaire
emploi, itinerary itinéraire, outline ébauche, recipe recette, routine routine, experiment expérience, design
conception, dialogue dialogue, conversation conversation, argument argument, instruction instruction consigne, guide
guide, tone ton, emotion émotion, sentiment sentiment, category catégorie, label étiquette, score score, version
version, number nombre numéro, object objet, item élément, synonym synonyme, antonym antonyme, noun nom, verb verbe,
adjective adjectif, error erreur, mistake faute, date date, city ville, country pays, person personne, process
processus, difference différence, role rôle, importance importance, impact impact, effect effet, cause cause, function
fonction, purpose objectif, concept concept, situation situation, prediction prédiction prévision, order ordre,
alphabetical alphabétique, set ensemble, program programme, algorithm algorithme, equation équation, problem problème,
input entrée
""",
    "it": """
query interrogazione, system sistema, conflict conflitto, subject soggetto, sound suono, smell odore profumo, taste sapore gusto, texture
consistenza, atmosphere atmosfera, feeling sensazione, beauty bellezza, scenery paesaggio, recommendation
raccomandazione, classification classificazione, area area superficie, sum somma, average media, percentage percentuale,
list elenco lista, way modo maniera, idea idea, tip consiglio suggerimento, strategy strategia, reason ragione motivo,
method metodo, step passo passaggio, activity attività, option opzione, alternative alternativa, solution soluzione,
benefit beneficio, advantage vantaggio, disadvantage svantaggio, example esempio, question domanda, factor fattore,
technique tecnica, habit abitudine, use uso, application applicazione, name nome, topic argomento tema, resource
risorsa, book libro, movie film, place luogo posto, destination destinazione meta, tool strumento, feature
caratteristica funzionalità, goal obiettivo, gift regalo, rule regola, type tipo, kind genere, poem poesia poema, story
storia racconto, essay saggio, metaphor metafora, song canzone, joke barzelletta battuta, slogan slogan, title titolo,
headline titolo, tweet tweet, analogy analogia, anecdote aneddoto, riddle indovinello, sentence frase, paragraph
paragrafo, text testo, passage brano passaggio, article articolo, document documento, excerpt estratto, email email,
report rapporto relazione, letter lettera, word parola, expression espressione, statement affermazione dichiarazione,
line riga linea, verse verso, quote citazione, answer risposta, passcode password, binary binario binaria, decimal decimale decimali, grammar grammatica, spelling ortografia, boolean booleana booleano booleane booleani, code codice, pseudocode pseudocodice, script sceneggiatura copione, possible possibile possibili, definition definizione, term termine,
meaning significato, summary riassunto sintesi, explanation spiegazione, description descrizione, information
informazione, fact fatto, opinion opinione, analysis analisi, feedback feedback, detail dettaglio, plan piano, menu
menu, schedule orario, itinerary itinerario, outline scaletta schema, recipe ricetta, routine routine,
experiment esperimento, design progetto, dialogue dialogo, conversation conversazione, argument argomentazione,
instruction istruzione, guide guida, tone tono, emotion emozione, sentiment sentimento, category categoria, label
etichetta, score punteggio, version versione, number numero, object oggetto, item elemento, synonym sinonimo, antonym
contrario, noun sostantivo, verb verbo, adjective aggettivo, error errore, mistake sbaglio, date data, city città,
country paese, person persona, process processo, difference differenza, role ruolo, importance importanza, impact
impatto, effect effetto, cause causa, function funzione, purpose scopo, concept concetto, situation situazione,
experience esperienza, prediction previsione, order ordine, alphabetical alfabetico alfabetica, set insieme, program
programma, algorithm algoritmo, equation equazione, problem problema, input input
""",
    "de": """
query abfrage, system system, conflict konflikt, subject subjekt, sound klang geräusch, smell geruch, taste geschmack, texture textur,
atmosphere atmosphäre, feeling gefühl, beauty schönheit, scenery landschaft, recommendation empfehlung, classification
klassifizierung klassifikation, area fläche flächeninhalt, sum summe, average durchschnitt mittelwert, percentage
prozentsatz, list liste, way weg weise möglichkeit, idea idee, tip tipp, suggestion vorschlag, strategy strategie,
reason grund, method methode, step schritt, activity aktivität, option option, alternative alternative, solution lösung,
benefit nutzen, advantage vorteil, disadvantage nachteil, example beispiel, question frage, factor faktor, technique
technik, habit gewohnheit, use verwendung, application anwendung, name name, topic thema, resource ressource, book buch,
movie film, place ort, destination reiseziel, tool werkzeug tool, feature merkmal, goal ziel, gift geschenk,
rule regel, type typ, kind art sorte, poem gedicht, story geschichte erzählung, essay aufsatz essay, metaphor metapher,
song lied song, joke witz, slogan slogan, title titel, headline schlagzeile überschrift, tweet tweet, analogy analogie,
anecdote anekdote, riddle rätsel, sentence satz, paragraph absatz, text text, passage passage textabschnitt, article
artikel, document dokument, excerpt auszug, email e-mail, report bericht, letter brief, word wort, expression ausdruck,
statement aussage, line zeile, verse vers, quote zitat, answer antwort, passcode passwort zugangscode kennwort, binary binär binäre binären, decimal dezimal dezimale dezimalen, grammar grammatik, spelling rechtschreibung, boolean boolesche booleschen boolescher, regular reguläre regulären regulärer, code code, pseudocode pseudocode, script drehbuch, possible mögliche möglichen möglicher, definition definition, term begriff,
meaning bedeutung, summary zusammenfassung, explanation erklärung, description beschreibung, information information
informationen, fact fakt tatsache, opinion meinung, analysis analyse, feedback feedback, detail detail, plan plan, menu
menü, schedule zeitplan, itinerary reiseplan, outline gliederung, recipe rezept, routine routine, experiment experiment,
design design, dialogue dialog, conversation gespräch unterhaltung, argument argument, instruction anleitung anweisung,
guide leitfaden, tone ton tonfall, emotion emotion gefühl, sentiment stimmung, category kategorie, label etikett label,
score punktzahl, version version, number zahl nummer, object objekt, item element, synonym synonym, antonym antonym,
noun substantiv nomen, verb verb, adjective adjektiv, error fehler, date datum, city stadt, country land, person person,
process prozess, difference unterschied, role rolle, importance bedeutung, impact auswirkung, effect wirkung, cause
ursache, function funktion, purpose zweck, concept konzept, situation situation, experience erfahrung erlebnis,
prediction vorhersage prognose, order reihenfolge, alphabetical alphabetische alphabetischer, set menge, program
programm, algorithm algorithmus, equation gleichung, problem problem, input eingabe
""",
    "nl": """
query zoekopdracht, system systeem, conflict conflict, sound geluid, smell geur, taste smaak, texture textuur, atmosphere sfeer, feeling
gevoel, beauty schoonheid, scenery landschap, recommendation aanbeveling, classification classificatie, area
oppervlakte, sum som, average gemiddelde, percentage percentage, list lijst, way manier weg, idea idee, tip tip,
suggestion suggestie, strategy strategie, reason reden, method methode, step stap, activity activiteit, option optie,
alternative alternatief, solution oplossing, benefit voordeel, advantage voordeel, disadvantage nadeel, example
voorbeeld, question vraag, factor factor, technique techniek, habit gewoonte, use gebruik, application toepassing, name
naam, topic onderwerp, resource bron, book boek, movie film, place plaats plek, destination bestemming, tool hulpmiddel
tool, feature kenmerk, goal doel, gift cadeau, rule regel, type type, kind soort, poem gedicht, story verhaal,
essay essay opstel, metaphor metafoor, song lied, joke grap mop, slogan slogan, title titel, headline kop, tweet tweet,
analogy analogie, anecdote anekdote, riddle raadsel, sentence zin, paragraph alinea, text tekst, passage passage,
article artikel, document document, excerpt fragment, email e-mail, report rapport verslag, letter brief, word woord,
expression uitdrukking, statement bewering uitspraak, line regel, quote citaat, answer antwoord, passcode wachtwoord toegangscode, binary binair binaire, decimal decimaal decimale, grammar grammatica, spelling spelling, boolean booleaanse, regular reguliere, code code, pseudocode pseudocode, script draaiboek, possible mogelijke, definition
definitie, term term, meaning betekenis, summary samenvatting, explanation uitleg, description beschrijving, information
informatie, fact feit, opinion mening, analysis analyse, feedback feedback, detail detail, plan plan, menu menu,
schedule schema, itinerary reisplan, outline opzet, recipe recept, routine routine, experiment experiment, design
ontwerp, dialogue dialoog, conversation gesprek, argument argument, instruction instructie, guide gids, tone toon,
emotion emotie, sentiment sentiment, category categorie, label label, score score, version versie, number getal nummer,
object object, item item, synonym synoniem, antonym antoniem, noun zelfstandig, verb werkwoord, adjective bijvoeglijk,
error fout, date datum, city stad, country land, person persoon, process proces, difference verschil, role rol,
importance belang, impact impact, effect effect, cause oorzaak, function functie, purpose doel, concept concept,
situation situatie, experience ervaring, prediction voorspelling, order volgorde, alphabetical alfabetische, set
verzameling, program programma, algorithm algoritme, equation vergelijking, problem probleem, input invoer
""",
}
# Russian nouns by their stems, as their endings change with the case: "список", "списка", "списком".
_RUSSIAN_STEMS = """
query запрос, system систем, conflict конфликт, subject подлежащ, joke шуток, concise лаконичн, formal формальн официальн, informal
неформальн, sound звук, smell запах, taste вкус, texture текстур, atmosphere атмосфер, feeling ощущени, beauty красот,
scenery пейзаж, recommendation рекомендаци, classification классификаци, phrase фраз, area площад, sum сумм, average
средн, percentage процент, list спис, way способ, idea иде, tip совет, strategy стратеги, reason причин, method метод,
step шаг этап, activity занят, option вариант, solution решени, benefit польз, advantage преимуществ, disadvantage
недостат, example пример, question вопрос, factor фактор, habit привычк, name назван, topic тем, book книг, movie фильм,
place мест, tool инструмент, feature особенност характеристик, goal цел, gift подар, rule правил, type тип, kind вид,
poem стихотворени стих, story истори рассказ, essay эссе сочинени, metaphor метафор, song песн, joke шутк анекдот,
slogan слоган, title заголов названи, tweet твит, analogy аналоги, riddle загадк, sentence предложени, paragraph абзац,
text текст, passage отрыв, article стат, document документ, email письм, report отчёт отчет доклад, letter письм, word
слов, expression выражени, statement утверждени, line строк, quote цитат, answer ответ, passcode парол, binary двоичн, decimal десятичн, grammar грамматик, spelling орфограф, code код, pseudocode псевдокод, script сценари, definition определени,
term термин, meaning значени, summary резюме, explanation объяснени, description описани, information информаци, fact
факт, opinion мнени, analysis анализ, detail детал, plan план, menu меню, schedule расписани, itinerary маршрут, recipe
рецепт, experiment эксперимент опыт, design дизайн, dialogue диалог, conversation разговор бесед, argument аргумент,
instruction инструкци, guide руководств, tone тон, emotion эмоци, category категори, label метк, version верси, number
числ номер, object объект предмет, item элемент, synonym синоним, antonym антоним, noun существительн, verb глагол,
adjective прилагательн, error ошибк, date дат, city город, country стран, person человек, process процесс, difference
разниц различи, role рол, importance важност, impact влияни, effect эффект, cause причин, function функци, purpose цел,
concept концепци, situation ситуаци, experience опыт, prediction прогноз, order порядк порядок, alphabetical алфавит,
set набор множеств, program программ, algorithm алгоритм, equation уравнени, problem проблем задач
"""

# Phrases whose words the English rules read in another order or wording ("la voz pasiva": "the passive voice"); "_" joins
# the words of a phrase on either side.
_PHRASES = {
    "es": """
important_points puntos_importantes, regular_expression expresión_regular expresiones_regulares, passcode código_de_acceso, at_least al_menos por_lo_menos, keywords palabras_clave, keyword palabra_clave, prime_number número_primo números_primos, original_meaning significado_original, missing_number número_que_falta número_faltante, a_couple_of un_par_de, passive_voice voz_pasiva, active_voice
voz_activa, part_of_speech categoría_gramatical parte_de_la_oración, in_your_own_words con_tus_propias_palabras
con_sus_propias_palabras, missing_word palabra_que_falta palabra_faltante, fill_in_the_blank espacio_en_blanco
espacios_en_blanco, based_on basado_en basada_en basándote_en con_base_en en_base_a
""",
    "pt": """
important_points pontos_importantes, regular_expression expressão_regular expressões_regulares, passcode código_de_acesso, at_least pelo_menos no_mínimo, prime_number número_primo números_primos, original_meaning significado_original sentido_original, missing_number número_que_falta número_faltante, a_couple_of um_par_de, passive_voice voz_passiva, active_voice
voz_ativa, part_of_speech classe_gramatical classe_de_palavra, in_your_own_words com_suas_próprias_palavras
com_as_suas_próprias_palavras, missing_word palavra_que_falta palavra_faltante, fill_in_the_blank espaço_em_branco
espaços_em_branco lacuna lacunas, based_on baseado_em baseada_em com_base_em
""",
    "fr": """
important_points points_importants, regular_expression expression_régulière expressions_régulières, passcode mot_de_passe code_d'accès, at_least au_moins, keywords mots_clés mots_clefs, keyword mot_clé, prime_number nombre_premier nombres_premiers, original_meaning sens_original sens_initial, missing_number nombre_manquant, a_couple_of une_paire_de, passive_voice voix_passive, active_voice voix_active,
part_of_speech nature_grammaticale partie_du_discours, in_your_own_words avec_vos_propres_mots avec_tes_propres_mots
dans_vos_propres_mots, missing_word mot_manquant, fill_in_the_blank espace_vide espaces_vides, based_on basé_sur
basée_sur en_vous_basant_sur en_fonction_de
""",
    "it": """
important_points punti_importanti, regular_expression espressione_regolare espressioni_regolari, passcode codice_di_accesso, keywords parole_chiave, keyword parola_chiave, prime_number numero_primo numeri_primi, original_meaning significato_originale senso_originale, missing_number numero_mancante, a_couple_of un_paio_di, passive_voice forma_passiva voce_passiva, active_voice
forma_attiva voce_attiva, part_of_speech parte_del_discorso parti_del_discorso, in_your_own_words con_parole_tue
con_parole_proprie con_le_tue_parole, missing_word parola_mancante, fill_in_the_blank spazio_vuoto spazi_vuoti, based_on
basato_su basata_su basandoti_su sulla_base_di in_base_a
""",
    "de": """
important_points wichtigen_punkte wichtige_punkte, for in_bezug_auf, list_of liste_mit, prime_number primzahl primzahlen, original_meaning ursprüngliche_bedeutung ursprünglichen_bedeutung, missing_number fehlende_zahl fehlenden_zahl, a_couple_of ein_paar, passive_voice passiv, active_voice aktiv,
part_of_speech wortart wortarten, in_your_own_words in_eigenen_worten mit_eigenen_worten in_deinen_eigenen_worten,
missing_word fehlende_wort fehlenden_wort, fill_in_the_blank lücke lücken, based_on basierend_auf ausgehend_von
auf_grundlage
""",
    "nl": """
important_points belangrijke_punten, at_least ten_minste, list_of lijst_met, prime_number priemgetal priemgetallen, original_meaning oorspronkelijke_betekenis, missing_number ontbrekende_getal, a_couple_of een_paar, passive_voice lijdende_vorm passieve_vorm, active_voice
bedrijvende_vorm actieve_vorm, part_of_speech woordsoort woordsoorten, in_your_own_words in_je_eigen_woorden
in_uw_eigen_woorden, missing_word ontbrekende_woord, fill_in_the_blank lege_plek lege_plekken, based_on op_basis_van
gebaseerd_op aan_de_hand_van
""",
    "ru": """
regular_expression регулярное_выражение регулярного_выражения регулярные_выражения, at_least как_минимум не_менее хотя_бы, the_same тем_же тот_же то_же той_же том_же, keywords ключевые_слова ключевых_слов, keyword ключевое_слово, prime_number простое_число простым_числом простые_числа, original_meaning исходный_смысл первоначальный_смысл, missing_number пропущенное_число, a_couple_of пару пара, passive_voice страдательный_залог пассивный_залог
страдательном_залоге пассивном_залоге, active_voice действительный_залог активный_залог, part_of_speech часть_речи
части_речи, in_your_own_words своими_словами, missing_word пропущенное_слово, fill_in_the_blank пропуск пропуски,
based_on на_основе на_основании
""",
}


class Gloss(NamedTuple):
    """An instruction read in English: its verb (None for a question), the head noun of its object, its words, the
    words that follow the verb, and its text."""

    verb: str | None
    noun: str | None
    words: list[str]
    rest: list[str]
    text: str


def _table(groups: str) -> dict[str, str]:
    """Word -> English, from "english word word, english word ..." (the first English word given for a word wins)."""
    table: dict[str, str] = {}
    for group in groups.split(","):
        english, *words = group.split()
        for word in words:
            table.setdefault(word, english.replace("_", " "))
    return table


_Phrase = tuple[tuple[str, ...], str]  # its words, its English
_Phrases = dict[str, tuple[_Phrase, ...]]  # by first word, longest first


def _phrase_table(groups: str) -> _Phrases:
    """The phrases of "english_phrase word_word word, ...", by their first word."""
    by_start: dict[str, list[_Phrase]] = {}
    for phrase, english in _table(groups).items():
        words = tuple(phrase.split("_"))
        by_start.setdefault(words[0], []).append((words, english))
    return {start: tuple(sorted(found, key=lambda item: -len(item[0]))) for start, found in by_start.items()}


_ENGLISH_VERBS = _table(_VERBS)
_ENGLISH_WORDS = {language: _table(words) for language, words in _WORDS.items()}
_ENGLISH_NOUNS = {language: _table(nouns) for language, nouns in _NOUNS.items()}
_ENGLISH_PHRASES = {language: _phrase_table(phrases) for language, phrases in _PHRASES.items()}
_RUSSIAN_NOUNS = _table(_RUSSIAN_STEMS)  # by stem
_RUSSIAN_PLURAL_ENDINGS = frozenset("ы и ов ей ев й".split())
_OPENING_MARKS = frozenset("¿¡")  # no English word: "¿Es ...?" is read as "is ...?"


def gloss(reading: Reading) -> Gloss:
    """The English of the words the category rules read; the others as they are."""
    language = reading.language
    verb = reading.verb and _ENGLISH_VERBS.get(reading.verb, reading.verb)
    phrases = _ENGLISH_PHRASES[language]
    words: list[str] = []
    rest_start = 0
    position = 0
    while position < len(reading.words):
        word = reading.words[position]
        if position == reading.position and verb is not None:
            rest_start = len(words) + 1  # "come up with": the words after "come", as the English rules read them
            words += verb.split()
        elif word in phrases and (phrase := _phrase_at(reading.words, position, phrases[word])):
            words += phrase[1].split()
            position += len(phrase[0]) - 1
        elif word not in _OPENING_MARKS:
            words += _english(word, language)
        position += 1
    rest = words[rest_start:]
    noun = reading.noun and (_english_noun(reading.noun, language) or reading.noun)
    text = " ".join(words).replace(" - ", "-")  # "4-5 Sätze" is no subtraction
    return Gloss(verb and verb.split()[0], noun and noun.split()[-1], words, rest, text)


def _phrase_at(words: list[str], position: int, phrases: tuple[_Phrase, ...]) -> _Phrase | None:
    """The one of the phrases (longest first) that starts at the position."""
    for phrase in phrases:
        if tuple(words[position : position + len(phrase[0])]) == phrase[0]:
            return phrase
    return None


@functools.lru_cache(maxsize=1 << 16)  # a dataset repeats its words: each is glossed once
def _english(word: str, language: str) -> tuple[str, ...]:
    """The word's English words, or the word itself."""
    return tuple(_english_word(word, language).split())


def _english_word(word: str, language: str) -> str:
    english = _ENGLISH_WORDS[language].get(word)
    if english is not None:
        return english
    if language == "ru":
        found = _russian_noun(word)
        if found is not None:
            noun, plural = found
            return _plural(noun) if plural else noun
    elif word in _ENGLISH_NOUNS[language]:
        return _ENGLISH_NOUNS[language][word]
    verb = infinitive(word, language)
    if verb in _ENGLISH_VERBS:
        return _ENGLISH_VERBS[verb]  # a second verb: "... et identifiez le mot", "Que pourriez-vous améliorer ...?"
    if language != "ru":
        one = singular(word, True, language)
        if one != word and one in _ENGLISH_NOUNS[language]:
            return _plural(_ENGLISH_NOUNS[language][one])
    return _compound_head(word, language) or word


def _compound_head(word: str, language: str) -> str | None:
    """The English of a German or Dutch compound's last noun: "Kindergeschichte" is a story, "milieuprobleem" a problem."""
    if language not in ("de", "nl"):
        return None
    nouns = _ENGLISH_NOUNS[language]
    return next((nouns[word[start:]] for start in range(3, len(word) - 3) if word[start:] in nouns), None)


def _english_noun(noun: str, language: str) -> str | None:
    """The noun's English, in the singular; None for a noun not in the tables."""
    if language == "ru":
        found = _russian_noun(noun)
        return found and found[0]
    return _ENGLISH_NOUNS[language].get(noun) or _compound_head(noun, language)


def _russian_noun(word: str) -> tuple[str, bool] | None:
    """The English of a Russian noun, found by its stem, and whether its ending is a plural's."""
    for end in range(len(word), max(len(word) - 4, 2), -1):
        english = _RUSSIAN_NOUNS.get(word[:end])
        if english is not None:
            return english, word[end:] in _RUSSIAN_PLURAL_ENDINGS
    return None


def _plural(noun: str) -> str:
    """An English noun's plural, as the English rules read it back."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"
